/**
 * /api/admin invoices and credit notes: an order's documents, issuing an invoice by hand, credit notes, the list,
 * one document as JSON, PDF or ISDOC, and the Pohoda export of a range of issue days. An issued document is never deleted.
 */
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../domain/errors.js';
import { documentFilename } from '../../domain/invoices/document-titles.js';
import type { InvoiceDocument } from '../../domain/invoices/invoice-document.js';
import type { Services } from '../../services/services.js';
import { readInvoiceQuery, type RawInvoiceQuery } from '../admin/invoices/list-query.js';
import { invoiceJson } from './invoice-view.js';

export type InvoicesApiOptions = { publicUrl: string; renderInvoicePdf: (doc: InvoiceDocument) => Promise<Buffer> };

type IdParams = { Params: { id: string } };
const actorOf = (request: FastifyRequest) => `${request.admin!.name} (API)`;
const bodyOf = (request: FastifyRequest) => (request.body && typeof request.body === 'object' && !Array.isArray(request.body) ? (request.body as Record<string, unknown>) : {});
const idOf = (raw: string) => {
  if (!/^\d{1,12}$/.test(raw)) throw new DomainError('not_found');
  return Number(raw);
};

export function registerInvoicesApi(app: FastifyInstance, services: Services, options: InvoicesApiOptions) {
  const json = (invoice: Parameters<typeof invoiceJson>[0]) => invoiceJson(invoice, options.publicUrl);

  app.get<{ Params: { number: string } }>('/api/admin/orders/:number/invoices', async (request) => ({ items: (await services.orderInvoices(request.params.number)).map(json) }));

  app.post<{ Params: { number: string } }>('/api/admin/orders/:number/invoice', async (request, reply) => {
    const invoice = await services.issueInvoice({ number: request.params.number, actor: actorOf(request) });
    return reply.code(201).send(json(invoice));
  });

  app.get<{ Querystring: RawInvoiceQuery }>('/api/admin/invoices', async (request) => {
    const page = await services.listInvoices(readInvoiceQuery(request.query, 50));
    return { items: page.items.map((i) => invoiceJson(i, options.publicUrl, { paymentStatus: i.paymentStatus, customerName: i.customerName })), nextCursor: page.next === null ? null : String(page.next) };
  });

  app.get<IdParams>('/api/admin/invoices/:id', async (request) => {
    const invoice = await services.findInvoice(idOf(request.params.id));
    if (!invoice) throw new DomainError('not_found');
    return json(invoice);
  });

  app.post<IdParams>('/api/admin/invoices/:id/credit-note', async (request, reply) => {
    const body = bodyOf(request);
    const creditNote = await services.creditInvoice({ invoiceId: idOf(request.params.id), request: { reason: body.reason, lines: body.lines, amount: body.amount, vatRate: body.vatRate }, actor: actorOf(request) });
    return reply.code(201).send(json(creditNote));
  });

  app.delete<IdParams>('/api/admin/invoices/:id', async (request) => {
    if (!(await services.findInvoice(idOf(request.params.id)))) throw new DomainError('not_found');
    throw new DomainError('invoice_kept', 'an issued invoice is never deleted');
  });

  app.get<IdParams>('/api/admin/invoices/:id.pdf', async (request, reply) => {
    const doc = await services.invoiceDocument(idOf(request.params.id));
    if (!doc) throw new DomainError('not_found');
    return sendPdf(reply, doc, await options.renderInvoicePdf(doc), 'inline');
  });

  app.get<IdParams>('/api/admin/invoices/:id.isdoc', async (request, reply) => {
    const found = await services.invoiceIsdoc(idOf(request.params.id));
    if (!found) throw new DomainError('not_found');
    return reply
      .type('application/xml; charset=utf-8')
      .header('content-disposition', `attachment; filename="${documentFilename(found.invoice, found.invoice.locale, 'isdoc')}"`)
      .header('cache-control', 'private, no-store')
      .send(found.xml);
  });

  app.get<{ Querystring: { from?: string; to?: string } }>('/api/admin/exports/invoices.xml', async (request, reply) => sendInvoiceExport(reply, await services.exportInvoices(request.query)));
}

export function sendPdf(reply: FastifyReply, doc: InvoiceDocument, pdf: Buffer, disposition: 'inline' | 'attachment') {
  return reply
    .header('content-disposition', `${disposition}; filename="${documentFilename(doc.invoice, doc.locale, 'pdf')}"`)
    .header('cache-control', 'private, no-store')
    .header('x-robots-tag', 'noindex')
    .type('application/pdf')
    .send(pdf);
}

export function sendInvoiceExport(reply: FastifyReply, prepared: { filename: string; contentType: string; chunks: AsyncIterable<string> }) {
  return reply
    .type(prepared.contentType)
    .header('content-disposition', `attachment; filename="${prepared.filename}"`)
    .header('cache-control', 'private, no-store')
    .header('x-accel-buffering', 'no')
    .send(Readable.from(prepared.chunks, { objectMode: false }));
}
