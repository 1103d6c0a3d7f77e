/** /sitemap.xml (the home page, every public category and every active product, with absolute URLs) and /robots.txt pointing to it. */
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/services.js';
import { categoryHref, productHref } from './product-card.js';

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Pages of one visitor (cart, checkout, account, order links) and the admin are no search results. */
const PRIVATE_PATHS = ['/admin', '/api/', '/kosik', '/pokladna', '/ucet', '/objednavka/'];

export function registerSitemap(app: FastifyInstance, services: Services) {
  app.get('/robots.txt', async (_request, reply) => {
    const body = ['User-agent: *', ...PRIVATE_PATHS.map((path) => `Disallow: ${path}`), '', `Sitemap: ${services.shopUrl()}/sitemap.xml`, ''].join('\n');
    return reply.header('cache-control', 'public, max-age=3600').type('text/plain; charset=utf-8').send(body);
  });
  app.get('/sitemap.xml', async (_request, reply) => {
    const base = services.shopUrl();
    const { categories, products } = await services.storeSitemap();
    const url = (path: string, lastmod?: string) => `<url><loc>${xml(base + path)}</loc>${lastmod ? `<lastmod>${lastmod.slice(0, 10)}</lastmod>` : ''}</url>`;
    const body = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
      url('/'),
      ...categories.map((c) => url(categoryHref(c.slug), c.updatedAt)),
      ...products.map((p) => url(productHref(p.slug), p.updatedAt)),
      '</urlset>',
    ].join('\n');
    return reply.header('cache-control', 'public, max-age=600').type('application/xml; charset=utf-8').send(body);
  });
}
