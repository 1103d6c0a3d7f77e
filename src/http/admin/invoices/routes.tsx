/**
 * The Orders panel's documents: the Invoices list, issuing an order's invoice (after a confirmation), the credit note
 * form, each document's PDF and ISDOC, and the Pohoda export of a range of issue days.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, isDomainError } from '../../../domain/errors.js';
import type { CreditRequest } from '../../../domain/invoices/credit-note.js';
import { documentFilename } from '../../../domain/invoices/document-titles.js';
import type { InvoiceDocument } from '../../../domain/invoices/invoice-document.js';
import { parseMoneyInput } from '../../../domain/money/money.js';
import type { Services } from '../../../services/services.js';
import { translateFields } from '../../middleware/errors.js';
import type { Flash } from '../../views/components.js';
import { renderDocument } from '../../views/render.js';
import type { PageContext } from '../../views/page-context.js';
import { sendInvoiceExport, sendPdf } from '../../api/admin-invoices-api.js';
import type { FormBody } from '../settings/form-fields.js';
import { adminFrame } from '../shell/routes.js';
import { ORDERS_PATH } from '../orders/badges.js';
import { ConfirmAction } from '../orders/confirm-view.js';
import { CreditNoteForm, type CreditForm } from './credit-view.js';
import { readInvoiceQuery, type RawInvoiceQuery } from './list-query.js';
import { InvoiceList, type InvoiceFilters } from './list-view.js';
import { INVOICES_PATH, invoicePath, issuePath } from './paths.js';

type IdParams = { Params: { id: string } };
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

const idOf = (raw: string) => {
  if (!/^\d{1,12}$/.test(raw)) throw new DomainError('not_found');
  return Number(raw);
};

/** The form as a credit request; the field paths of its errors are mapped back to the form's fields. */
function creditRequestOf(body: FormBody): { request: CreditRequest; fieldOf: (path: string) => string } {
  const mode = first(body.mode);
  const reason = first(body.reason);
  if (mode === 'lines') {
    const chosen = Object.keys(body)
      .map((name) => /^q\.(\d{1,4})$/.exec(name))
      .filter((m): m is RegExpExecArray => m !== null && first(body[m[0]]).trim() !== '')
      .map((m) => ({ line: Number(m[1]), quantity: /^\d{1,6}$/.test(first(body[m[0]]).trim()) ? Number(first(body[m[0]]).trim()) : -1 }));
    if (chosen.length === 0) throw new DomainError('validation', 'no lines', { lines: 'credit_nothing_chosen' });
    return { request: { reason, lines: chosen }, fieldOf: (path) => (/^lines\.(\d+)\./.test(path) ? `q.${chosen[Number(/^lines\.(\d+)\./.exec(path)![1])]!.line}` : path) };
  }
  if (mode === 'amount') {
    const amount = parseMoneyInput(first(body.amount));
    const rate = first(body.vatRate);
    return { request: { reason, amount: amount ?? -1, vatRate: rate === '' ? undefined : Number(rate) }, fieldOf: (path) => path };
  }
  return { request: { reason }, fieldOf: (path) => path };
}

export function registerInvoiceRoutes(app: FastifyInstance, services: Services, pageContext: (r: FastifyRequest) => PageContext, renderPdf: (doc: InvoiceDocument) => Promise<Buffer>) {
  const html = (reply: FastifyReply, page: preact.JSX.Element, status = 200) => reply.code(status).type('text/html; charset=utf-8').send(renderDocument(page));
  const takeFlash = (request: FastifyRequest): Flash | null => {
    const flash = request.session.flash ?? null;
    delete request.session.flash;
    return flash;
  };
  const flashTo = (request: FastifyRequest, reply: FastifyReply, url: string, flash: Flash) => {
    request.session.flash = flash;
    return reply.redirect(url, 303);
  };

  app.get<{ Querystring: RawInvoiceQuery }>(INVOICES_PATH, async (request, reply) => {
    const raw = request.query;
    const filters: InvoiceFilters = { series: '', paid: '', from: '', to: '' };
    let flash = takeFlash(request);
    let query;
    try {
      query = readInvoiceQuery(raw, 50);
      for (const key of ['series', 'paid', 'from', 'to'] as const) filters[key] = typeof raw[key] === 'string' ? raw[key].trim().slice(0, 20) : '';
    } catch (error) {
      if (!isDomainError(error)) throw error;
      flash = { kind: 'error', text: request.t('error.validation') };
      query = readInvoiceQuery({}, 50);
    }
    const page = await services.listInvoices(query);
    const any = page.items.length > 0 || (await services.listInvoices({ limit: 1 })).items.length > 0;
    return html(reply, <InvoiceList ctx={pageContext(request)} admin={adminFrame(request, reply)} flash={flash} items={page.items} next={page.next} filters={filters} any={any} />);
  });

  app.get<{ Querystring: { from?: string; to?: string } }>(`${INVOICES_PATH}/export.xml`, async (request, reply) => {
    try {
      return sendInvoiceExport(reply, await services.exportInvoices(request.query));
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'validation') throw error;
      const text = Object.values(translateFields(request.t, error.fields) ?? {})[0] ?? request.t('error.validation');
      return flashTo(request, reply, INVOICES_PATH, { kind: 'error', text: `${request.t('invoices.export')}: ${text}` });
    }
  });

  app.get<IdParams>(`${INVOICES_PATH}/:id.pdf`, async (request, reply) => {
    const doc = await services.invoiceDocument(idOf(request.params.id));
    if (!doc) throw new DomainError('not_found');
    return sendPdf(reply, doc, await renderPdf(doc), 'attachment');
  });

  app.get<IdParams>(`${INVOICES_PATH}/:id.isdoc`, async (request, reply) => {
    const found = await services.invoiceIsdoc(idOf(request.params.id));
    if (!found) throw new DomainError('not_found');
    return reply
      .type('application/xml; charset=utf-8')
      .header('content-disposition', `attachment; filename="${documentFilename(found.invoice, found.invoice.locale, 'isdoc')}"`)
      .header('cache-control', 'private, no-store')
      .send(found.xml);
  });

  app.post<{ Params: { number: string } }>(issuePath(':number'), async (request, reply) => {
    const { number } = request.params;
    const back = `${ORDERS_PATH}/${number}`;
    if (first((request.body as FormBody | undefined)?.confirmed) !== '1') {
      const { order } = await services.adminOrder(number);
      const lines = [request.t('invoices.confirmIssue', { number }), request.t('invoices.confirmEmail', { email: order.email })];
      return html(reply, <ConfirmAction ctx={pageContext(request)} admin={adminFrame(request, reply)} backUrl={`${back}#doklady`} action={issuePath(number)} lines={lines} hidden={{}} />);
    }
    try {
      const invoice = await services.issueInvoice({ number, actor: request.admin!.name });
      return flashTo(request, reply, `${back}#doklady`, { kind: 'success', text: request.t('invoices.issued', { number: invoice.number }) });
    } catch (error) {
      if (!isDomainError(error) || !['invoice_exists', 'validation'].includes(error.code)) throw error;
      const text = error.code === 'validation' ? (Object.values(translateFields(request.t, error.fields) ?? {})[0] ?? request.t('error.validation')) : request.t('error.invoice_exists');
      return flashTo(request, reply, `${back}#doklady`, { kind: 'error', text });
    }
  });

  const creditPage = async (request: FastifyRequest, reply: FastifyReply, id: number, form: CreditForm, status = 200) => {
    const invoice = await services.findInvoice(id);
    if (!invoice || invoice.kind !== 'invoice') throw new DomainError('not_found');
    const creditNotes = (await services.orderInvoices(invoice.orderNumber)).filter((d) => d.invoiceId === invoice.id);
    return html(reply, <CreditNoteForm ctx={pageContext(request)} admin={adminFrame(request, reply)} invoice={invoice} creditNotes={creditNotes} form={form} />, status);
  };

  app.get<IdParams>(`${INVOICES_PATH}/:id/oprava`, (request, reply) => creditPage(request, reply, idOf(request.params.id), { values: { mode: 'full' }, errors: {} }));

  app.post<IdParams>(`${INVOICES_PATH}/:id/oprava`, async (request, reply) => {
    const id = idOf(request.params.id);
    const body = (request.body ?? {}) as FormBody;
    const values = Object.fromEntries(Object.entries(body).filter(([k]) => k !== '_csrf').map(([k, v]) => [k, first(v)]));
    try {
      const { request: credit, fieldOf } = creditRequestOf(body);
      try {
        const creditNote = await services.creditInvoice({ invoiceId: id, request: credit, actor: request.admin!.name });
        return flashTo(request, reply, `${ORDERS_PATH}/${creditNote.orderNumber}#doklady`, { kind: 'success', text: request.t('invoices.credited', { number: creditNote.number }) });
      } catch (error) {
        if (isDomainError(error) && error.code === 'validation' && error.fields) throw new DomainError('validation', error.message, Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [fieldOf(k), v])));
        throw error;
      }
    } catch (error) {
      if (isDomainError(error) && error.code === 'invoice_credited') return flashTo(request, reply, invoicePath(id) + '/oprava', { kind: 'error', text: request.t('error.invoice_credited') });
      if (!isDomainError(error) || error.code !== 'validation') throw error;
      return creditPage(request, reply, id, { values, errors: translateFields(request.t, error.fields) ?? {} }, 422);
    }
  });
}
