/** The admin JSON API under /api/admin: every route needs a Bearer token; owner-only routes say so in their config. */
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/services.js';
import { requireApiToken } from '../middleware/admin-auth.js';
import { registerSettingsApi } from './admin-settings-api.js';
import { registerPagesApi } from './admin-pages-api.js';
import { registerOrdersApi, type OrdersApiOptions } from './admin-orders-api.js';
import { registerExportsApi } from './admin-exports-api.js';
import { registerInvoicesApi, type InvoicesApiOptions } from './admin-invoices-api.js';

export function adminApiPlugin(services: Services, orders: OrdersApiOptions & InvoicesApiOptions) {
  return async (app: FastifyInstance) => {
    app.addHook('onRequest', requireApiToken(services));

    // Lets an integration check its token before doing real work.
    app.get('/api/admin/me', async (request) => {
      const admin = request.admin!;
      return { name: admin.name, role: admin.role, via: admin.via };
    });
    registerSettingsApi(app, services);
    registerPagesApi(app, services);
    registerOrdersApi(app, services, orders);
    registerExportsApi(app, services);
    registerInvoicesApi(app, services, orders);
  };
}
