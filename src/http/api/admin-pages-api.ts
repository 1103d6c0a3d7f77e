/** /api/admin/pages: list (q, limit, cursor), read, create, partial update and delete content pages. */
import type { FastifyInstance } from 'fastify';
import type { ContentPage } from '../../domain/content/page.js';
import { DomainError } from '../../domain/errors.js';
import type { Services } from '../../services/services.js';

/** The contract's page `{id, slug, title, body, published}`, plus what the admin shows about it. */
const toJson = (page: ContentPage) => ({
  id: page.id,
  slug: page.slug,
  title: page.title,
  body: page.body,
  published: page.published,
  inMenu: page.inMenu,
  inFooter: page.inFooter,
  position: page.position,
  isTemplate: page.isTemplate,
  updatedAt: page.updatedAt,
});

const idOf = (raw: string) => {
  if (!/^\d{1,12}$/.test(raw)) throw new DomainError('not_found');
  return Number(raw);
};

const limitOf = (raw: unknown) => {
  if (raw === undefined) return 50;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 200) throw new DomainError('validation', 'limit', { limit: 'invalid_value' });
  return n;
};

export function registerPagesApi(app: FastifyInstance, services: Services) {
  app.get<{ Querystring: { q?: string; limit?: string; cursor?: string } }>('/api/admin/pages', async (request) => {
    const { q, cursor } = request.query;
    if (cursor !== undefined && !/^\d{1,12}$/.test(cursor)) throw new DomainError('validation', 'cursor', { cursor: 'invalid_value' });
    const result = await services.listPages({ q: typeof q === 'string' ? q.slice(0, 100) : undefined, limit: limitOf(request.query.limit), cursor: cursor ? Number(cursor) : undefined });
    return { items: result.items.map(toJson), nextCursor: result.nextCursor === null ? null : String(result.nextCursor) };
  });
  app.get<{ Params: { id: string } }>('/api/admin/pages/:id', async (request) => toJson(await services.getPage(idOf(request.params.id))));
  app.post('/api/admin/pages', async (request, reply) => reply.code(201).send(toJson(await services.savePage({ data: request.body ?? {} }))));
  app.patch<{ Params: { id: string } }>('/api/admin/pages/:id', async (request) => toJson(await services.savePage({ id: idOf(request.params.id), data: request.body ?? {} })));
  app.delete<{ Params: { id: string } }>('/api/admin/pages/:id', async (request, reply) => {
    await services.deletePage(idOf(request.params.id));
    return reply.code(204).send();
  });
}
