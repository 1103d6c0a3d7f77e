/** Loads what every page's frame shows from Configuration and Obsah (shop name, contacts, footer links), fresh on each page. */
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/services.js';

// Requests that are not HTML pages need none of it.
const NOT_PAGES = /^\/(api|assets|media|health|ready|favicon|sitemap\.xml|objednavka\/\d+\/doklad)/;

export function registerShopFrame(app: FastifyInstance, services: Services): void {
  app.decorateRequest('shopName', '');
  app.decorateRequest('shopFrame', null);
  app.addHook('preHandler', async (request) => {
    if (request.method !== 'GET' && request.method !== 'POST') return;
    if (NOT_PAGES.test(request.url)) return;
    const [settings, footer] = await Promise.all([services.getSettings(), services.footerPages()]);
    const { shop } = settings;
    request.shopName = shop.name;
    request.shopFrame = {
      contact: { legalName: shop.legalName, street: shop.street, city: shop.city, zip: shop.zip, email: shop.email, phone: shop.phone, ico: shop.ico },
      footerLinks: footer.map((p) => ({ href: `/${p.slug}`, title: p.title })),
    };
  });
}
