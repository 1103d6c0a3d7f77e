/** Bulk actions on the ticked orders of the list: a status change (confirmation page, then a per-order result) and one PDF of them all. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { OrderDocument } from '../../../domain/documents/order-document.js';
import { isDomainError } from '../../../domain/errors.js';
import { canTransition, STATUS_NAMES } from '../../../domain/orders/order-status.js';
import type { BulkOutcome } from '../../../services/orders/bulk-order-actions.js';
import type { Services } from '../../../services/services.js';
import { translateField } from '../../middleware/errors.js';
import { renderDocument } from '../../views/render.js';
import type { PageContext } from '../../views/page-context.js';
import type { FormBody } from '../settings/form-fields.js';
import { adminFrame } from '../shell/routes.js';
import { ORDERS_PATH } from './badges.js';
import { BULK_TARGETS, BulkConfirm, BulkResult } from './bulk-view.js';
import type { ConfirmOption } from './confirm-view.js';
import { mergePdfs } from './merged-pdf.js';

const NOTIFY = { processing: 'onProcessing', shipped: 'onShipped', completed: 'onCompleted', cancelled: 'onCancelled' } as const;
const isTarget = (s: string): s is (typeof BULK_TARGETS)[number] => (BULK_TARGETS as readonly string[]).includes(s);

const field = (body: FormBody, name: string) => {
  const v = body[name];
  return (Array.isArray(v) ? v[0] : v) ?? '';
};

export function registerBulkOrderRoutes(app: FastifyInstance, services: Services, pageContext: (r: FastifyRequest) => PageContext, renderPdf: (doc: OrderDocument) => Promise<Buffer>) {
  const html = (reply: FastifyReply, page: preact.JSX.Element, status = 200) => reply.code(status).type('text/html; charset=utf-8').send(renderDocument(page));
  /** Back to the list with a message (nothing ticked, or a bad selection): nothing has changed. */
  const backToList = (request: FastifyRequest, reply: FastifyReply, text: string) => {
    request.session.flash = { kind: 'error', text };
    return reply.redirect(ORDERS_PATH, 303);
  };
  const selectionError = (request: FastifyRequest, error: unknown) => {
    if (!isDomainError(error) || error.code !== 'validation') throw error;
    return error.fields?.numbers === 'required' ? request.t('orders.bulk.none') : request.t('error.validation');
  };

  app.post(`${ORDERS_PATH}/hromadne/stav`, async (request, reply) => {
    const body = (request.body ?? {}) as FormBody;
    const status = field(body, 'status');
    if (!isTarget(status)) return backToList(request, reply, request.t('error.validation'));
    const t = request.t;

    if (field(body, 'confirmed') !== '1') {
      let orders;
      try {
        orders = await services.findOrders(body.numbers);
      } catch (error) {
        return backToList(request, reply, selectionError(request, error));
      }
      if (orders.length === 0) return backToList(request, reply, t('orders.bulk.none'));
      const settings = await services.getSettings();
      const byDefault = settings.emails[NOTIFY[status]];
      const lines = [t('orders.bulk.confirmStatus', { count: orders.length, to: STATUS_NAMES[status][request.locale] })];
      if (status === 'cancelled') lines.push(t('orders.bulk.confirmStock'));
      const options: ConfirmOption[] = [{ name: 'notify', label: t('orders.notify'), hint: t('orders.notifyHint', { default: t(byDefault ? 'orders.notifyYes' : 'orders.notifyNo') }), checked: byDefault }];
      const shipsWithCarrier = orders.some((o) => canTransition(o.status, status) && o.shipping.carrier !== 'own');
      if (status === 'shipped' && settings.checkout.trackingNumberReminder && shipsWithCarrier) options.push({ name: 'confirmWithoutTracking', label: t('orders.withoutTracking'), hint: t('field.tracking_number_missing'), checked: false });
      return html(reply, <BulkConfirm ctx={pageContext(request)} admin={adminFrame(request, reply)} orders={orders} status={status} lines={lines} options={options} />);
    }

    // Each order's parcels from its own row of the confirmation page: "carrier_<number>", "tracking_<number>".
    const numbers = Array.isArray(body.numbers) ? body.numbers : body.numbers ? [body.numbers] : [];
    const parcels = Object.fromEntries(
      numbers.map((n) => [n, field(body, `tracking_${n}`).split(',').map((tracking) => ({ carrier: field(body, `carrier_${n}`), trackingNumber: tracking.trim() }))]),
    );
    let outcomes: BulkOutcome[];
    try {
      outcomes = await services.changeOrderStatuses({
        numbers: body.numbers,
        status,
        parcels,
        notifyCustomer: field(body, 'notify') === '1',
        confirmWithoutTracking: field(body, 'confirmWithoutTracking') === '1',
        actor: request.admin!.name,
      });
    } catch (error) {
      return backToList(request, reply, selectionError(request, error));
    }
    const reason = (o: Extract<BulkOutcome, { ok: false }>) => {
      if (o.code === 'not_found') return t('orders.bulk.notFound');
      if (o.code === 'validation' && Object.keys(o.fields).length > 0) return Object.values(o.fields).map((f) => translateField(t, f)).join(' ');
      return t(o.code === 'invalid_transition' ? 'error.invalid_transition' : o.code === 'conflict' ? 'error.conflict' : 'error.validation');
    };
    const rows = outcomes.map((o) => (o.ok ? { number: o.number, ok: true, status: o.order.status } : { number: o.number, ok: false, reason: reason(o) }));
    return html(reply, <BulkResult ctx={pageContext(request)} admin={adminFrame(request, reply)} rows={rows} />);
  });

  app.post(`${ORDERS_PATH}/hromadne/pdf`, async (request, reply) => {
    const body = (request.body ?? {}) as FormBody;
    let docs: OrderDocument[];
    try {
      docs = await services.orderDocumentsForDownload({ numbers: body.numbers, actor: request.admin!.name });
    } catch (error) {
      if (isDomainError(error) && error.code === 'not_found') return backToList(request, reply, request.t('error.not_found'));
      return backToList(request, reply, selectionError(request, error));
    }
    // One after another: each render holds its fonts and images in memory, and the admin waits either way.
    const files: Buffer[] = [];
    for (const doc of docs) files.push(await renderPdf(doc));
    const first = docs[0]!;
    const name = docs.length === 1 ? first.number : `${first.number}-${docs.length}`;
    const pdf = await mergePdfs(files, `${request.locale === 'en' ? 'Orders' : 'Objednávky'} ${docs.map((d) => d.number).join(', ')}`);
    return reply
      .header('content-disposition', `attachment; filename="${request.locale === 'en' ? 'orders' : 'objednavky'}-${name}.pdf"`)
      .header('cache-control', 'private, no-store')
      .type('application/pdf')
      .send(pdf);
  });
}
