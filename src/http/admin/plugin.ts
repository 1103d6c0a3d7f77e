/** The admin web area: every route needs a signed-in admin (but the sign-in page) and every form post a CSRF token. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../services/services.js';
import { requireAdminSession } from '../middleware/admin-auth.js';
import { csrfGuard } from '../middleware/session.js';
import type { PageContext } from '../views/page-context.js';
import { registerAuthRoutes } from './auth/routes.js';
import { registerShellRoutes } from './shell/routes.js';
import { registerSettingsRoutes } from './settings/routes.js';
import { registerContentRoutes } from './content/routes.js';
import { registerCategoryRoutes } from './categories/routes.js';
import { registerProductRoutes } from './products/routes.js';
import { registerProductCsvRoutes } from './products/csv-routes.js';
import { registerDiscountRoutes } from './discounts/routes.js';
import { registerEmailRoutes } from './emails/routes.js';
import type { MailTransportInfo } from './settings/settings-deps.js';
import type { OrderDocument } from '../../domain/documents/order-document.js';
import { registerOrderRoutes } from './orders/routes.js';
import { registerCustomerRoutes } from './customers/routes.js';
import { registerStatsRoutes } from './stats/routes.js';
import { registerExportRoutes } from './exports/routes.js';
import { registerInvoiceRoutes } from './invoices/routes.js';
import { registerPaymentRoutes } from './payments/routes.js';
import type { InvoiceDocument } from '../../domain/invoices/invoice-document.js';

export function adminPlugin(services: Services, pageContext: (r: FastifyRequest) => PageContext, options: { mail: MailTransportInfo; renderOrderPdf: (doc: OrderDocument) => Promise<Buffer>; renderInvoicePdf: (doc: InvoiceDocument) => Promise<Buffer> }) {
  return async (app: FastifyInstance) => {
    const guard = requireAdminSession(services);
    app.addHook('preHandler', async (request, reply) => {
      if (request.routeOptions.config?.public) return;
      return guard(request, reply);
    });
    app.addHook('preHandler', csrfGuard(app));
    registerAuthRoutes(app, services, pageContext);
    registerShellRoutes(app, services, pageContext);
    registerSettingsRoutes(app, { services, pageContext, mail: options.mail });
    registerContentRoutes(app, services, pageContext);
    registerCategoryRoutes(app, services, pageContext);
    registerDiscountRoutes(app, services, pageContext);
    registerProductRoutes(app, services, pageContext);
    registerProductCsvRoutes(app, services, pageContext);
    registerEmailRoutes(app, services, pageContext);
    registerOrderRoutes(app, services, pageContext, options.renderOrderPdf);
    registerCustomerRoutes(app, services, pageContext);
    registerStatsRoutes(app, services, pageContext);
    registerExportRoutes(app, services, pageContext);
    registerInvoiceRoutes(app, services, pageContext, options.renderInvoicePdf);
    registerPaymentRoutes(app, services, pageContext);
  };
}
