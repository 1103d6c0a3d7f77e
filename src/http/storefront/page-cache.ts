/**
 * A micro-cache of rendered storefront pages and Store API lists for visitors without a session (what almost all
 * traffic is):
 * an entry lives 2 s at most and dies at once when this process changes the catalogue.
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { SESSION_COOKIE } from '../middleware/session.js';
import { renderDocument } from '../views/render.js';

/** Route options of a cached catalogue page: it reads no session, so a visitor without one gets none built. */
export const CATALOGUE_PAGE = { config: { sessionless: true } } as const;

const TTL_MS = 2000;
const HTML = 'text/html; charset=utf-8';
/**
 * What one micro-cache may hold, in characters of body: a crawler asking for thousands of distinct URLs within the
 * lifetime must not make the process grow by the size of every answer it got (each cache held 5 000 entries before,
 * ~250 MB of 50 kB lists).
 */
const MAX_CHARS = 4 * 1024 * 1024;

export type PageCache = (request: FastifyRequest, reply: FastifyReply, render: () => Promise<VNode | null>) => Promise<unknown>;
/** Answers a GET from the micro-cache or from `produce` (null: not found), as a body of the given content type. */
export type MicroCache = (request: FastifyRequest, reply: FastifyReply, type: string, produce: () => Promise<string | null>) => Promise<unknown>;

export function microCache(revision: () => number): MicroCache {
  // In insertion order, which with one lifetime for all is expiry order: the oldest go first, expired or not.
  const entries = new Map<string, { body: string; expires: number; revision: number }>();
  let chars = 0;
  const drop = (key: string) => {
    chars -= entries.get(key)?.body.length ?? 0;
    entries.delete(key);
  };
  return async (request, reply, type, produce) => {
    const cacheable = !request.cookies[SESSION_COOKIE];
    const key = `${request.locale}|${request.url}`;
    const now = Date.now();
    if (cacheable) {
      const hit = entries.get(key);
      if (hit && hit.expires > now && hit.revision === revision()) return reply.type(type).send(hit.body);
    }
    const startRevision = revision();
    const body = await produce();
    if (body === null) return reply.callNotFound();
    if (cacheable && revision() === startRevision && body.length <= MAX_CHARS / 16) {
      drop(key);
      for (const [oldest, entry] of entries) {
        if (entry.expires > now && chars + body.length <= MAX_CHARS) break;
        drop(oldest);
      }
      entries.set(key, { body, expires: now + TTL_MS, revision: startRevision });
      chars += body.length;
    }
    return reply.type(type).send(body);
  };
}

export function pageCache(revision: () => number): PageCache {
  const cached = microCache(revision);
  return (request, reply, render) =>
    cached(request, reply, HTML, async () => {
      const page = await render();
      return page && renderDocument(page);
    });
}

export type ValidatedPageCache = (request: FastifyRequest, reply: FastifyReply, validator: string | null, render: () => Promise<VNode | null>) => Promise<unknown>;

/**
 * Pages kept for as long as their validator stays the same (no lifetime), least recently used dropped beyond
 * `maxBytes`: for product pages, whose validator is read on every request (the product's revision, which the
 * database raises with any change on any app server, and fingerprints of the frame and category tree this process
 * shows). A shop's whole catalogue stays rendered however widely visitors roam, and no page is ever stale. The
 * validator is read before rendering, so a change meanwhile stores the new page under the old validator, which the
 * next request no longer matches.
 */
export function validatedPageCache(maxBytes: number): ValidatedPageCache {
  const entries = new Map<string, { body: Buffer; validator: string }>();
  let bytes = 0;
  const drop = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    bytes -= entry.body.length;
    entries.delete(key);
  };
  return async (request, reply, validator, render) => {
    const cacheable = validator !== null && !request.cookies[SESSION_COOKIE];
    const key = `${request.locale}|${request.url}`;
    if (cacheable) {
      const hit = entries.get(key);
      if (hit && hit.validator === validator) {
        entries.delete(key); // re-inserted: the map's order is the least-recently-used order
        entries.set(key, hit);
        return reply.type('text/html; charset=utf-8').send(hit.body);
      }
    }
    const page = await render();
    if (!page) return reply.callNotFound();
    const body = Buffer.from(renderDocument(page));
    if (cacheable) {
      drop(key);
      entries.set(key, { body, validator });
      bytes += body.length;
      while (bytes > maxBytes) drop(entries.keys().next().value!);
    }
    return reply.type('text/html; charset=utf-8').send(body);
  };
}

const fingerprints = new WeakMap<object, string>();

/** A short digest of a value read from a cache that hands out a new object when it reloads: computed once per object. */
export function fingerprint(value: object | null): string {
  if (value === null) return '';
  let digest = fingerprints.get(value);
  if (digest === undefined) {
    digest = createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 22);
    fingerprints.set(value, digest);
  }
  return digest;
}
