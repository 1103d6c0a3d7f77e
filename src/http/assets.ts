/** The stylesheet and favicon; the stylesheet is built once at start-up (normalize + ours) and served under a content-hashed name for a long cache. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';

const require = createRequire(import.meta.url);

export function registerAssets(app: FastifyInstance): { stylesheet: string } {
  const css = [readFileSync(require.resolve('modern-normalize/modern-normalize.css'), 'utf8'), readFileSync(new URL('../../public/app.css', import.meta.url), 'utf8')].join('\n');
  const hash = createHash('sha256').update(css).digest('hex').slice(0, 12);
  const stylesheet = `/assets/app.${hash}.css`;
  app.get(stylesheet, (_request, reply) => {
    reply.header('cache-control', 'public, max-age=31536000, immutable').type('text/css; charset=utf-8').send(css);
  });
  const favicon = readFileSync(new URL('../../public/favicon.svg', import.meta.url));
  for (const url of ['/favicon.svg', '/favicon.ico']) {
    app.get(url, (_request, reply) => {
      reply.header('cache-control', 'public, max-age=86400').type('image/svg+xml').send(favicon);
    });
  }
  return { stylesheet };
}
