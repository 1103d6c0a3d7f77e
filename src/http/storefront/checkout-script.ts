/** The checkout's scripts (public/checkout-summary.js, checkout-pickup.js), served under content-hashed names for a long cache. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';

/** Registers the script's route and returns its URL. */
export function registerCheckoutScript(app: FastifyInstance, file = 'checkout-summary.js'): string {
  const script = readFileSync(new URL(`../../../public/${file}`, import.meta.url));
  const url = `/assets/${file.replace(/\.js$/, '')}.${createHash('sha256').update(script).digest('hex').slice(0, 12)}.js`;
  app.get(url, (_request, reply) => {
    reply.header('cache-control', 'public, max-age=31536000, immutable').type('text/javascript; charset=utf-8').send(script);
  });
  return url;
}
