/** /feeds/heureka.xml, /feeds/zbozi.xml, /feeds/google.xml: the kept feed streamed from its file, revalidated by ETag. */
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/services.js';
import { isFeedId } from '../../domain/feeds/feed-item.js';
import { CATALOGUE_PAGE } from './page-cache.js';
import { originalUrl } from './media-routes.js';

export const FEED_PATHS = { heureka: '/feeds/heureka.xml', zbozi: '/feeds/zbozi.xml', google: '/feeds/google.xml' } as const;

export function registerFeedRoutes(app: FastifyInstance, services: Services) {
  app.get<{ Params: { file: string } }>('/feeds/:file', CATALOGUE_PAGE, async (request, reply) => {
    const id = /^([a-z]+)\.xml$/.exec(request.params.file)?.[1];
    if (!isFeedId(id)) return reply.callNotFound();
    const validator = await services.feedValidator(id);
    const etag = `"${validator}"`;
    // Comparison sites fetch the feed often; an unchanged catalogue costs them (and us) one short answer.
    reply.header('etag', etag).header('cache-control', 'public, no-cache').header('x-robots-tag', 'noindex');
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    const feed = await services.openFeed(id, validator, originalUrl);
    return reply.type(feed.contentType).header('content-length', feed.size).send(feed.stream);
  });
}
