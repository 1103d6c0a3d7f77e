/**
 * Loads what every page's frame shows from Configuration and Obsah (shop name, contacts, footer links).
 * Kept for 2 s per process, like the storefront's page cache, so a busy shop does not read it on every hit;
 * a change shows on every app server within that time.
 */
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/services.js';
import type { ShopFrame } from '../views/page-context.js';

// Requests that are not HTML pages need none of it.
const NOT_PAGES = /^\/(api|assets|media|health|ready|favicon|sitemap\.xml|objednavka\/\d+\/doklad)/;
const FRAME_TTL_MS = 2000;

export function registerShopFrame(app: FastifyInstance, services: Services): void {
  let cached: { value: Promise<{ name: string; frame: ShopFrame }>; expires: number } | null = null;
  const load = async () => {
    const [settings, footer] = await Promise.all([services.getSettings(), services.footerPages()]);
    const { shop } = settings;
    return {
      name: shop.name,
      frame: {
        contact: { legalName: shop.legalName, street: shop.street, city: shop.city, zip: shop.zip, email: shop.email, phone: shop.phone, ico: shop.ico },
        footerLinks: footer.map((p) => ({ href: `/${p.slug}`, title: p.title })),
      },
    };
  };

  app.decorateRequest('shopName', '');
  app.decorateRequest('shopFrame', null);
  app.addHook('preHandler', async (request) => {
    if ((request.method !== 'GET' && request.method !== 'POST') || NOT_PAGES.test(request.url)) return;
    const now = Date.now();
    // An admin sees their own change at once; visitors within two seconds.
    if (!cached || cached.expires <= now || request.url.startsWith('/admin')) {
      cached = { value: load(), expires: now + FRAME_TTL_MS };
      cached.value.catch(() => (cached = null));
    }
    const { name, frame } = await cached.value;
    request.shopName = name;
    request.shopFrame = frame;
  });
}
