/** The checkout's summary script (public/checkout-summary.js), served under a content-hashed name for a long cache. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';

const SOURCE = new URL('../../../public/checkout-summary.js', import.meta.url);

/** Registers the script's route and returns its URL. */
export function registerCheckoutScript(app: FastifyInstance): string {
  const script = readFileSync(SOURCE);
  const url = `/assets/checkout-summary.${createHash('sha256').update(script).digest('hex').slice(0, 12)}.js`;
  app.get(url, (_request, reply) => {
    reply.header('cache-control', 'public, max-age=31536000, immutable').type('text/javascript; charset=utf-8').send(script);
  });
  return url;
}
