/** Builds the Fastify app from the services: security headers, sessions, language, errors, then the storefront, admin and API. */
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import type { Services } from '../services/services.js';
import { registerAssets } from './assets.js';
import { registerSecurityHeaders } from './middleware/security-headers.js';
import { registerLocale } from './middleware/locale.js';
import { registerErrorHandling } from './middleware/errors.js';
import { registerSessions, SESSION_COOKIE } from './middleware/session.js';
import { adminPlugin } from './admin/plugin.js';
import { adminApiPlugin } from './api/admin-api.js';
import { registerStorefront } from './storefront/home-routes.js';
import { storeApiPlugin } from './api/store-api.js';
import { storeMethodsApiPlugin } from './api/store-methods-api.js';
import { registerStoreOrdersApi } from './api/store-orders-api.js';
import { adminCatalogApiPlugin } from './api/admin-catalog-api.js';
import { adminCustomersApiPlugin } from './api/admin-customers-api.js';
import { registerHealthRoutes } from './health-routes.js';
import { requestIdOf } from './request-id.js';
import type { PageContext } from './views/page-context.js';
import { registerShopFrame } from './middleware/shop-frame.js';
import { registerContentPages } from './storefront/content-page-routes.js';
import { registerOrderDocumentRoute } from './storefront/order-document-routes.js';
import type { OrderDocument } from '../domain/documents/order-document.js';
import type { InvoiceDocument } from '../domain/invoices/invoice-document.js';
import { registerCartRoutes } from './storefront/cart-routes.js';
import { registerCheckoutRoutes } from './storefront/checkout-routes.js';
import { registerThankYouRoute } from './storefront/thank-you-routes.js';
import { registerCardPaymentRoutes } from './storefront/card-payment-routes.js';
import type { MailTransportInfo } from './admin/settings/settings-deps.js';
import { registerCustomerSession } from './storefront/account/customer-session.js';
import { registerAccountRoutes } from './storefront/account/routes.js';
import './types.js';

export type AppOptions = {
  /** Absolute base of links in API answers, emails and PDFs. */
  publicUrl: string;
  /** The one order PDF renderer (the worker uses it for attachments too). */
  renderOrderPdf: (doc: OrderDocument) => Promise<Buffer>;
  /** The invoice and credit note renderer. */
  renderInvoicePdf: (doc: InvoiceDocument) => Promise<Buffer>;
  services: Services;
  /** Resolves when the database answers (readiness). */
  checkDatabase: () => Promise<void>;
  /** Whether an error means the database is briefly unreachable (answered 503, not 500). */
  isDatabaseUnavailable?: (error: unknown) => boolean;
  sessionSecret: string;
  sessionStore: unknown;
  logLevel: string;
  /** How email leaves the shop, for the Configuration page. */
  mail: MailTransportInfo;
};

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: options.logLevel,
      redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["proxy-authorization"]', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]', '*.password', '*.newPassword'],
    },
    // Behind a load balancer on this machine the client address comes from X-Forwarded-For.
    trustProxy: ['127.0.0.1', '::1'],
    // The id comes from genReqId only (sanitised there), never raw from the header.
    requestIdHeader: false,
    genReqId: requestIdOf,
    bodyLimit: 1024 * 1024,
  });

  // Kept so that tests (and the security suite) can walk every route.
  const routeTable: { method: string; url: string }[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routeTable.push({ method, url: route.url });
  });
  app.decorate('routeTable', routeTable);

  registerSecurityHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
    frameguard: { action: 'deny' },
  });
  await app.register(formbody, { bodyLimit: 1024 * 1024 });
  // Uploads (product images, logo, stamp): read with request.file(); each use case applies its own, smaller limit.
  await app.register(multipart, { limits: { fileSize: 10 * 1024 * 1024, files: 10, fields: 50 } });
  await registerSessions(app, { secret: options.sessionSecret, store: options.sessionStore });
  registerLocale(app);
  app.decorateRequest('admin', null);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // Pages that depend on who is signed in are never stored by shared caches.
    if (request.cookies[SESSION_COOKIE] && !reply.hasHeader('cache-control')) reply.header('cache-control', 'private, no-store');
  });

  const { stylesheet } = registerAssets(app);
  const pageContext = (request: FastifyRequest): PageContext & { cartCount: number } => ({
    locale: request.locale,
    t: request.t,
    stylesheet,
    path: request.url,
    shopName: request.shopName || request.t('app.name'),
    shop: request.shopFrame,
    // Only visitors with a session have a cart, and their pages are never micro-cached.
    cartCount: request.session?.cartCount ?? 0,
    customer: request.customer,
  });
  registerShopFrame(app, options.services);
  registerCustomerSession(app, options.services);
  registerErrorHandling(app, pageContext, options.isDatabaseUnavailable);

  registerHealthRoutes(app, options.checkDatabase);
  registerStorefront(app, options.services, pageContext);
  registerContentPages(app, options.services, pageContext);
  registerOrderDocumentRoute(app, options.services, options.renderOrderPdf);
  registerCartRoutes(app, options.services, pageContext);
  registerCheckoutRoutes(app, options.services, pageContext);
  registerThankYouRoute(app, options.services, pageContext);
  registerCardPaymentRoutes(app, options.services, pageContext);
  registerAccountRoutes(app, options.services, pageContext, options.renderOrderPdf, options.renderInvoicePdf);
  await app.register(adminPlugin(options.services, pageContext, { mail: options.mail, renderOrderPdf: options.renderOrderPdf, renderInvoicePdf: options.renderInvoicePdf }));
  await app.register(adminApiPlugin(options.services, { publicUrl: options.publicUrl, renderOrderPdf: options.renderOrderPdf, renderInvoicePdf: options.renderInvoicePdf }));
  await app.register(adminCatalogApiPlugin(options.services));
  await app.register(adminCustomersApiPlugin(options.services));
  await app.register(storeApiPlugin(options.services));
  await app.register(storeMethodsApiPlugin(options.services));
  registerStoreOrdersApi(app, options.services, options.publicUrl);
  return app;
}
