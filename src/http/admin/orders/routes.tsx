/** The Objednávky panel: the order list, the detail, status and payment changes (with a confirmation step), notes, emails and resends, the PDF. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { documentFilename, type OrderDocument } from '../../../domain/documents/order-document.js';
import { DomainError, isDomainError } from '../../../domain/errors.js';
import { canTransition, isOrderStatus, isPaymentStatus, STATUS_NAMES } from '../../../domain/orders/order-status.js';
import type { Services } from '../../../services/services.js';
import { translateFields } from '../../middleware/errors.js';
import type { Flash } from '../../views/components.js';
import { renderDocument } from '../../views/render.js';
import type { PageContext } from '../../views/page-context.js';
import type { FormBody } from '../settings/form-fields.js';
import { adminFrame } from '../shell/routes.js';
import { ORDERS_PATH } from './badges.js';
import { ConfirmAction } from './confirm-view.js';
import { OrderDetail, type DetailForms } from './detail-view.js';
import { readListQuery, type RawListQuery } from './list-query.js';
import { OrderList, type ListFilters } from './list-view.js';
import { registerBulkOrderRoutes } from './bulk-routes.js';
import { registerParcelRoutes } from './parcel-routes.js';
import { SELECT_ALL_JS } from './select-all.js';
import { carrierName } from '../../../services/orders/change-order-status.js';

const PAGE_SIZE = 50;
type NumberParams = { Params: { number: string } };
type EmailParams = { Params: { number: string; id: string } };
const NOTIFY = { processing: 'onProcessing', shipped: 'onShipped', completed: 'onCompleted', cancelled: 'onCancelled' } as const;

const field = (body: FormBody, name: string) => {
  const v = body[name];
  return (Array.isArray(v) ? v[0] : v) ?? '';
};

export function registerOrderRoutes(app: FastifyInstance, services: Services, pageContext: (r: FastifyRequest) => PageContext, renderPdf: (doc: OrderDocument) => Promise<Buffer>) {
  const html = (reply: FastifyReply, page: preact.JSX.Element, status = 200) => reply.code(status).type('text/html; charset=utf-8').send(renderDocument(page));
  const takeFlash = (request: FastifyRequest): Flash | null => {
    const flash = request.session.flash ?? null;
    delete request.session.flash;
    return flash;
  };
  const actor = (request: FastifyRequest) => request.admin!.name;
  const detailPage = async (request: FastifyRequest, reply: FastifyReply, number: string, forms: DetailForms = {}, status = 200) => {
    const [detail, packeta] = await Promise.all([services.adminOrder(number), services.packetaMode()]);
    return html(reply, <OrderDetail ctx={pageContext(request)} admin={adminFrame(request, reply)} flash={takeFlash(request)} detail={detail} forms={forms} packeta={packeta} />, status);
  };
  const done = (request: FastifyRequest, reply: FastifyReply, number: string, text: string, kind: Flash['kind'] = 'success') => {
    request.session.flash = { kind, text };
    return reply.redirect(`${ORDERS_PATH}/${number}`, 303);
  };
  /** Runs a form action: a validation error re-renders the detail with the form's values and errors; a refused move flashes why. */
  const act = async (request: FastifyRequest<NumberParams>, reply: FastifyReply, form: keyof DetailForms, work: () => Promise<string>) => {
    const { number } = request.params;
    try {
      return done(request, reply, number, await work());
    } catch (error) {
      if (isDomainError(error) && error.code === 'invalid_transition') return done(request, reply, number, request.t('error.invalid_transition'), 'error');
      if (!isDomainError(error) || error.code !== 'validation') throw error;
      const values = Object.fromEntries(Object.entries((request.body ?? {}) as FormBody).map(([k, v]) => [k, String(Array.isArray(v) ? v[0] : (v ?? ''))]));
      return detailPage(request, reply, number, { [form]: { values, errors: translateFields(request.t, error.fields) ?? {} } }, 422);
    }
  };

  registerBulkOrderRoutes(app, services, pageContext, renderPdf);
  registerParcelRoutes(app, services, pageContext);

  app.get(SELECT_ALL_JS.path, (_request, reply) => reply.header('cache-control', 'public, max-age=31536000, immutable').type('text/javascript; charset=utf-8').send(SELECT_ALL_JS.source));

  app.get<{ Querystring: RawListQuery & { vybrat?: string } }>(ORDERS_PATH, async (request, reply) => {
    const raw = request.query;
    const filters: ListFilters = { status: '', payment: '', q: '', from: '', to: '' };
    let flash = takeFlash(request);
    let query;
    try {
      query = readListQuery(raw, PAGE_SIZE);
      for (const key of ['status', 'payment', 'q', 'from', 'to'] as const) filters[key] = typeof raw[key] === 'string' ? raw[key].trim().slice(0, 100) : '';
    } catch (error) {
      if (!isDomainError(error)) throw error;
      flash = { kind: 'error', text: request.t('error.validation') };
      query = readListQuery({}, PAGE_SIZE);
    }
    const [page, counts] = await Promise.all([services.listOrders(query), services.orderStatusCounts()]);
    // "Select all on this page" without JavaScript: the same page again with every row ticked (and back).
    const all = raw.vybrat === 'vse';
    const params = new URLSearchParams(Object.entries(raw).filter(([k, v]) => k !== 'vybrat' && typeof v === 'string' && v) as [string, string][]);
    if (!all) params.set('vybrat', 'vse');
    const selfUrl = params.size ? `${ORDERS_PATH}?${params}` : ORDERS_PATH;
    return html(reply, <OrderList ctx={pageContext(request)} admin={adminFrame(request, reply)} flash={flash} page={page} counts={counts} filters={filters} selection={{ all, script: SELECT_ALL_JS.path, selfUrl }} />);
  });

  app.get<NumberParams>(`${ORDERS_PATH}/:number`, (request, reply) => detailPage(request, reply, request.params.number));

  app.get<NumberParams>(`${ORDERS_PATH}/:number/doklad.pdf`, async (request, reply) => {
    const doc = /^\d{1,10}$/.test(request.params.number) ? await services.orderDocument(request.params.number) : null;
    if (!doc) throw new DomainError('not_found');
    const pdf = await renderPdf(doc);
    await services.logOrderDownload({ number: doc.number, actor: actor(request) });
    return reply.header('content-disposition', `attachment; filename="${documentFilename(doc.locale, doc.number)}"`).header('cache-control', 'private, no-store').type('application/pdf').send(pdf);
  });

  app.post<NumberParams>(`${ORDERS_PATH}/:number/stav`, async (request, reply) => {
    const body = (request.body ?? {}) as FormBody;
    const { number } = request.params;
    const status = field(body, 'status');
    const carrier = field(body, 'carrierCustom').trim() || field(body, 'carrier');
    const parcels = field(body, 'trackingNumber').split(',').map((n) => ({ carrier, trackingNumber: n.trim() })).filter((p) => p.trackingNumber);
    if (field(body, 'confirmed') !== '1') {
      const { order } = await services.adminOrder(number);
      if (!isOrderStatus(status) || status === 'new' || !canTransition(order.status, status)) return act(request, reply, 'status', () => Promise.reject(new DomainError('validation', 'status', { status: 'invalid_value' })));
      const settings = await services.getSettings();
      const t = request.t;
      const byDefault = settings.emails[NOTIFY[status]];
      const lines = [t('orders.confirmStatus', { number, from: STATUS_NAMES[order.status][request.locale], to: STATUS_NAMES[status][request.locale] })];
      if (status === 'cancelled') lines.push(t('orders.confirmStock'));
      lines.push(...parcels.map((p) => `${t('orders.trackingNumber')}: ${p.trackingNumber} (${carrierName(p.carrier)})`));
      const options = [{ name: 'notify', label: t('orders.notify'), hint: t('orders.notifyHint', { default: t(byDefault ? 'orders.notifyYes' : 'orders.notifyNo') }), checked: byDefault }];
      if (status === 'shipped' && parcels.length === 0 && settings.checkout.trackingNumberReminder && order.shipping.carrier !== 'own') options.push({ name: 'confirmWithoutTracking', label: t('orders.withoutTracking'), hint: t('field.tracking_number_missing'), checked: false });
      const hidden = { status, carrier: field(body, 'carrier'), carrierCustom: field(body, 'carrierCustom'), trackingNumber: field(body, 'trackingNumber') };
      return html(reply, <ConfirmAction ctx={pageContext(request)} admin={adminFrame(request, reply)} backUrl={`${ORDERS_PATH}/${number}`} action={`${ORDERS_PATH}/${number}/stav`} lines={lines} hidden={hidden} options={options} />);
    }
    return act(request, reply, 'status', async () => {
      const order = await services.changeOrderStatus({ number, status, parcels, notifyCustomer: field(body, 'notify') === '1', confirmWithoutTracking: field(body, 'confirmWithoutTracking') === '1', actor: actor(request) });
      return request.t('orders.statusChanged', { status: STATUS_NAMES[order.status][request.locale] });
    });
  });

  app.post<NumberParams>(`${ORDERS_PATH}/:number/platba`, async (request, reply) => {
    const body = (request.body ?? {}) as FormBody;
    const { number } = request.params;
    const status = field(body, 'status');
    if (field(body, 'confirmed') !== '1') {
      const { order } = await services.adminOrder(number);
      if (!isPaymentStatus(status)) return act(request, reply, 'payment', () => Promise.reject(new DomainError('validation', 'status', { status: 'invalid_value' })));
      const t = request.t;
      const lines = [t('orders.confirmPayment', { number, from: t(`orders.payment.${order.paymentStatus}`), to: t(`orders.payment.${status}`) })];
      return html(reply, <ConfirmAction ctx={pageContext(request)} admin={adminFrame(request, reply)} backUrl={`${ORDERS_PATH}/${number}`} action={`${ORDERS_PATH}/${number}/platba`} lines={lines} hidden={{ status }} />);
    }
    return act(request, reply, 'payment', async () => {
      await services.setOrderPayment({ number, status, actor: actor(request) });
      return request.t('orders.paymentChanged');
    });
  });

  app.post<NumberParams>(`${ORDERS_PATH}/:number/poznamky`, (request, reply) =>
    act(request, reply, 'note', async () => {
      await services.addOrderNote({ number: request.params.number, text: field((request.body ?? {}) as FormBody, 'text'), actor: actor(request) });
      return request.t('orders.noteAdded');
    }),
  );

  app.post<NumberParams>(`${ORDERS_PATH}/:number/zasilky`, (request, reply) =>
    act(request, reply, 'parcel', async () => {
      const body = (request.body ?? {}) as FormBody;
      await services.addOrderParcel({ number: request.params.number, parcel: { carrier: field(body, 'carrier'), trackingNumber: field(body, 'trackingNumber') }, actor: actor(request) });
      return request.t('orders.parcelAdded');
    }),
  );

  app.post<EmailParams>(`${ORDERS_PATH}/:number/emaily/:id/znovu`, async (request, reply) => {
    const { number, id } = request.params;
    if (!/^\d{1,15}$/.test(id)) throw new DomainError('not_found');
    if (field((request.body ?? {}) as FormBody, 'confirmed') !== '1') {
      const { emails } = await services.adminOrder(number);
      const email = emails.find((e) => e.id === Number(id));
      if (!email) throw new DomainError('not_found');
      const lines = [request.t('orders.mail.confirmResend', { subject: email.subject, to: email.to })];
      return html(reply, <ConfirmAction ctx={pageContext(request)} admin={adminFrame(request, reply)} backUrl={`${ORDERS_PATH}/${number}#historie`} action={`${ORDERS_PATH}/${number}/emaily/${id}/znovu`} lines={lines} hidden={{}} />);
    }
    try {
      await services.resendOrderEmail({ number, emailId: Number(id), actor: actor(request) });
      return done(request, reply, number, request.t('orders.mail.resent'));
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'conflict') throw error;
      return done(request, reply, number, request.t('orders.mail.busy'), 'error');
    }
  });

  app.post<NumberParams>(`${ORDERS_PATH}/:number/email`, async (request, reply) => {
    const body = (request.body ?? {}) as FormBody;
    const { number } = request.params;
    const subject = field(body, 'subject');
    const text = field(body, 'body');
    if (field(body, 'confirmed') !== '1') {
      const { order } = await services.adminOrder(number);
      if (!subject.trim() || !text.trim()) {
        const errors = { ...(subject.trim() ? {} : { subject: request.t('field.required') }), ...(text.trim() ? {} : { body: request.t('field.required') }) };
        return detailPage(request, reply, number, { email: { values: { subject, body: text }, errors } }, 422);
      }
      return html(
        reply,
        <ConfirmAction ctx={pageContext(request)} admin={adminFrame(request, reply)} backUrl={`${ORDERS_PATH}/${number}`} action={`${ORDERS_PATH}/${number}/email`} lines={[request.t('orders.notify'), request.t('orders.confirmEmail', { email: order.email })]} hidden={{ subject, body: text }}>
          <blockquote class="email-preview">
            <p><strong>{subject}</strong></p>
            <p class="pre-line">{text}</p>
          </blockquote>
        </ConfirmAction>,
      );
    }
    return act(request, reply, 'email', async () => {
      await services.emailOrderCustomer({ number, subject, body: text, actor: actor(request) });
      return request.t('orders.emailQueued');
    });
  });
}
