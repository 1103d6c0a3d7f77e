/**
 * A micro-cache of rendered storefront pages for visitors without a session (what almost all traffic is):
 * an entry lives 2 s at most and dies at once when this process changes the catalogue.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { SESSION_COOKIE } from '../middleware/session.js';
import { renderDocument } from '../views/render.js';

/** Route options of a cached catalogue page: it reads no session, so a visitor without one gets none built. */
export const CATALOGUE_PAGE = { config: { sessionless: true } } as const;

const TTL_MS = 2000;
const MAX_ENTRIES = 5000;

export type PageCache = (request: FastifyRequest, reply: FastifyReply, render: () => Promise<VNode | null>) => Promise<unknown>;

export function pageCache(revision: () => number): PageCache {
  const entries = new Map<string, { html: string; expires: number; revision: number }>();
  return async (request, reply, render) => {
    const cacheable = !request.cookies[SESSION_COOKIE];
    const key = `${request.locale}|${request.url}`;
    const now = Date.now();
    if (cacheable) {
      const hit = entries.get(key);
      if (hit && hit.expires > now && hit.revision === revision()) return reply.type('text/html; charset=utf-8').send(hit.html);
    }
    const startRevision = revision();
    const page = await render();
    if (!page) return reply.callNotFound();
    const html = renderDocument(page);
    if (cacheable && revision() === startRevision) {
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
      entries.set(key, { html, expires: now + TTL_MS, revision: startRevision });
    }
    return reply.type('text/html; charset=utf-8').send(html);
  };
}
