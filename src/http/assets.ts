/** The stylesheet and favicon; the stylesheet is built once at start-up (normalize + ours) and served under a content-hashed name for a long cache. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';

const require = createRequire(import.meta.url);
const PUBLIC = new URL('../../public/', import.meta.url);

export function registerAssets(app: FastifyInstance): { stylesheet: string } {
  // app.css first, then each area's own stylesheet (catalog.css, settings.css, …) in name order.
  const areaSheets = readdirSync(PUBLIC).filter((f) => f.endsWith('.css') && f !== 'app.css').sort();
  const css = [require.resolve('modern-normalize/modern-normalize.css'), ...['app.css', ...areaSheets].map((f) => fileURLToPath(new URL(f, PUBLIC)))]
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');
  const hash = createHash('sha256').update(css).digest('hex').slice(0, 12);
  const stylesheet = `/assets/app.${hash}.css`;
  app.get(stylesheet, (_request, reply) => {
    reply.header('cache-control', 'public, max-age=31536000, immutable').type('text/css; charset=utf-8').send(css);
  });
  const favicon = readFileSync(new URL('favicon.svg', PUBLIC));
  for (const url of ['/favicon.svg', '/favicon.ico']) {
    app.get(url, (_request, reply) => {
      reply.header('cache-control', 'public, max-age=86400').type('image/svg+xml').send(favicon);
    });
  }
  return { stylesheet };
}
