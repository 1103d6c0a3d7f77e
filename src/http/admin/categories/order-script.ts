/** The Categories panel's drag-and-drop script (public/category-order.js), served under a content-hashed name for a long cache. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';

const SOURCE = new URL('../../../../public/category-order.js', import.meta.url);

/** Registers the script's route (inside the admin, so only signed-in staff load it) and returns its URL. */
export function registerCategoryOrderScript(app: FastifyInstance): string {
  const script = readFileSync(SOURCE);
  const url = `/admin/assets/category-order.${createHash('sha256').update(script).digest('hex').slice(0, 12)}.js`;
  app.get(url, (_request, reply) => {
    reply.header('cache-control', 'private, max-age=31536000, immutable').type('text/javascript; charset=utf-8').send(script);
  });
  return url;
}
