/**
 * A customer's invoices and credit notes as PDF, downloadable again: from the signed-in owner's account
 * (`/ucet/objednavky/<number>/doklady/<id>.pdf`) or through the order's own token (`/objednavka/<number>/doklady/<id>.pdf?t=…`,
 * the link in the document's email). Another order's document answers exactly like one that does not exist.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { InvoiceDocument } from '../../../domain/invoices/invoice-document.js';
import type { Services } from '../../../services/services.js';
import { sendPdf } from '../../api/admin-invoices-api.js';
import { requireCustomer } from './customer-session.js';

type Params = { Params: { number: string; id: string }; Querystring: { t?: string } };

export function registerDocumentDownloadRoutes(app: FastifyInstance, services: Services, renderPdf: (doc: InvoiceDocument) => Promise<Buffer>) {
  const send = async (reply: FastifyReply, orderId: number | null, rawId: string) => {
    const doc = orderId !== null && /^\d{1,12}$/.test(rawId) ? await services.invoiceDocument(Number(rawId)) : null;
    if (!doc || doc.invoice.orderId !== orderId) return reply.callNotFound();
    return sendPdf(reply, doc, await renderPdf(doc), 'inline');
  };

  app.get<Params>('/objednavka/:number/doklady/:id.pdf', async (request, reply) => {
    const order = await services.orderByToken(request.params.number, String(request.query.t ?? ''));
    return send(reply, order?.id ?? null, request.params.id);
  });

  app.get<Params>('/ucet/objednavky/:number/doklady/:id.pdf', async (request, reply) => {
    const customer = requireCustomer(request, reply);
    if (!customer) return reply;
    const order = await services.customerOrder(customer.id, request.params.number);
    return send(reply, order?.id ?? null, request.params.id);
  });
}
