/** Registers every customer account page (`/ucet/…`) and the withdrawal pages. */
import type { FastifyInstance } from 'fastify';
import type { OrderDocument } from '../../../domain/documents/order-document.js';
import type { Services } from '../../../services/services.js';
import type { AccountPageContext } from './account-page.js';
import { registerAuthRoutes } from './auth-routes.js';
import { registerProfileRoutes } from './profile-routes.js';
import { registerWithdrawalRoutes } from './withdrawal-routes.js';
import { registerDocumentDownloadRoutes } from './document-download-routes.js';
import type { InvoiceDocument } from '../../../domain/invoices/invoice-document.js';

export function registerAccountRoutes(app: FastifyInstance, services: Services, pageContext: AccountPageContext, renderPdf: (doc: OrderDocument) => Promise<Buffer>, renderInvoicePdf: (doc: InvoiceDocument) => Promise<Buffer>) {
  registerAuthRoutes(app, services, pageContext);
  registerProfileRoutes(app, services, pageContext, renderPdf);
  registerWithdrawalRoutes(app, services, pageContext);
  registerDocumentDownloadRoutes(app, services, renderInvoicePdf);
}
