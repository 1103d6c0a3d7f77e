/** Objednávky → Platby (owner and staff): imported movements, statement upload, the Fio download, pairing by hand (confirmed) and ignoring. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isDomainError } from '../../../domain/errors.js';
import { formatMoney } from '../../../domain/money/money.js';
import type { Services } from '../../../services/services.js';
import type { MessageKey } from '../../i18n/messages.js';
import { translateFields } from '../../middleware/errors.js';
import type { Flash } from '../../views/components.js';
import { renderDocument } from '../../views/render.js';
import type { PageContext } from '../../views/page-context.js';
import { adminFrame } from '../shell/routes.js';
import { actorOf } from '../settings/settings-deps.js';
import { ConfirmAction } from '../orders/confirm-view.js';
import { csrfFromQuery, readUpload } from '../products/multipart.js';
import { FILTERS, PAYMENTS_PATH, PaymentsPage } from './list-view.js';
import type { MovementFilter } from '../../../services/payments/ports.js';

type IdParams = { Params: { id: string } };
type Body = { orderNumber?: string; confirmed?: string };

export function registerPaymentRoutes(app: FastifyInstance, services: Services, pageContext: (r: FastifyRequest) => PageContext) {
  const back = (request: FastifyRequest, reply: FastifyReply, flash: Flash, url = PAYMENTS_PATH) => {
    request.session.flash = flash;
    return reply.redirect(url, 303);
  };
  const movementOf = async (raw: string) => (/^\d{1,12}$/.test(raw) ? services.findMovement(Number(raw)) : null);
  /** A refused action as a flash: a field message, or the conflict's own wording. */
  const refusal = (request: FastifyRequest, error: unknown): Flash => {
    if (!isDomainError(error)) throw error;
    const code = error.params?.code;
    if (code) return { kind: 'error', text: request.t(`payments.err.${code}` as MessageKey) };
    const field = Object.values(translateFields(request.t, error.fields) ?? {})[0];
    return { kind: 'error', text: field ?? request.t(`error.${error.code}`) };
  };

  app.get<{ Querystring: { stav?: string; pred?: string } }>(PAYMENTS_PATH, async (request, reply) => {
    const filter: MovementFilter = FILTERS.includes(request.query.stav as MovementFilter) ? (request.query.stav as MovementFilter) : 'waiting';
    const before = /^\d{1,12}$/.test(request.query.pred ?? '') ? Number(request.query.pred) : undefined;
    const [page, counts, settings, state] = await Promise.all([services.listMovements({ filter, limit: 50, before }), services.countMovements(), services.getSettings(), services.fioSyncState()]);
    const flash = request.session.flash ?? null;
    delete request.session.flash;
    const html = renderDocument(
      <PaymentsPage ctx={pageContext(request)} admin={adminFrame(request, reply)} flash={flash} filter={filter} counts={counts} items={page.items} next={page.next} fio={{ configured: settings.payments.fio.token !== '', state }} />,
    );
    return reply.type('text/html; charset=utf-8').send(html);
  });

  app.post(`${PAYMENTS_PATH}/vypis`, { preValidation: csrfFromQuery }, async (request, reply) => {
    const upload = await readUpload(request, 'statement');
    const t = request.t;
    if (!upload.file || upload.file === 'too_large') return back(request, reply, { kind: 'error', text: t('payments.import.failed', { reason: t('field.statement_unreadable') }) });
    try {
      const s = await services.importStatement({ bytes: upload.file, actor: actorOf(request) });
      return back(request, reply, { kind: 'success', text: t('payments.import.done', { ...s }) }, `${PAYMENTS_PATH}?stav=all`);
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'validation') throw error;
      return back(request, reply, { kind: 'error', text: t('payments.import.failed', { reason: `${t('field.statement_unreadable')} (${error.params?.reason ?? ''})` }) });
    }
  });

  app.post(`${PAYMENTS_PATH}/fio`, async (request, reply) => {
    const t = request.t;
    const result = await services.pollFio({ force: true });
    if (result.status === 'imported') return back(request, reply, { kind: 'success', text: t('payments.fio.imported', { added: result.added, paid: result.paid + result.overpaid }) }, `${PAYMENTS_PATH}?stav=all`);
    if (result.status === 'too_soon') return back(request, reply, { kind: 'error', text: t('payments.fio.tooSoon') });
    if (result.status === 'rewound') return back(request, reply, { kind: 'success', text: t('payments.fio.rewound', { id: result.lastId }) });
    if (result.status === 'off') return back(request, reply, { kind: 'error', text: t('payments.fio.off') });
    return back(request, reply, { kind: 'error', text: t(result.error === 'too_soon' ? 'payments.fio.tooSoon' : 'payments.fio.failed', { reason: result.error }) });
  });

  // Pairing by hand marks the order paid and may email the customer: a confirmation page first says so.
  app.post<IdParams & { Body: Body }>(`${PAYMENTS_PATH}/:id/sparovat`, async (request, reply) => {
    const t = request.t;
    const movement = await movementOf(request.params.id);
    if (!movement) return back(request, reply, { kind: 'error', text: t('payments.notFound') });
    const number = String(request.body?.orderNumber ?? '').trim();
    if (request.body?.confirmed !== '1') {
      const order = /^\d{1,10}$/.test(number) ? await services.orderForPayment(number) : null;
      if (!order) return back(request, reply, { kind: 'error', text: t(/^\d{1,10}$/.test(number) ? 'field.order_not_found' : 'field.order_number_invalid') });
      const settings = await services.getSettings();
      const money = (v: number) => formatMoney(v, request.locale);
      // What earlier payments of the order brought, plus this one.
      const earlier = (await services.orderMovements(order.id)).filter((m) => m.id !== movement.id && ['partial', 'paid', 'overpaid'].includes(m.outcome));
      const received = movement.amount + earlier.reduce((sum, m) => sum + m.amount, 0);
      const lines = [t('payments.confirm.title', { number }), t('payments.confirm.text', { amount: money(movement.amount), number, total: money(order.total) })];
      if (received !== order.total) lines.push(t('payments.confirm.difference', { received: money(received), total: money(order.total) }));
      if (settings.payments.notifyCustomer) lines.push(t('payments.confirm.email'));
      return reply
        .type('text/html; charset=utf-8')
        .send(renderDocument(<ConfirmAction ctx={pageContext(request)} admin={adminFrame(request, reply)} backUrl={PAYMENTS_PATH} action={`${PAYMENTS_PATH}/${movement.id}/sparovat`} lines={lines} hidden={{ orderNumber: number }} />));
    }
    try {
      const paired = await services.pairMovement({ movementId: movement.id, orderNumber: number, actor: actorOf(request) });
      return back(request, reply, { kind: 'success', text: t('payments.paired', { number: paired.orderNumber }) });
    } catch (error) {
      return back(request, reply, refusal(request, error));
    }
  });

  app.post<IdParams>(`${PAYMENTS_PATH}/:id/ignorovat`, async (request, reply) => {
    const movement = await movementOf(request.params.id);
    if (!movement) return back(request, reply, { kind: 'error', text: request.t('payments.notFound') });
    try {
      await services.ignoreMovement({ movementId: movement.id, actor: actorOf(request) });
      return back(request, reply, { kind: 'success', text: request.t('payments.ignored') });
    } catch (error) {
      return back(request, reply, refusal(request, error));
    }
  });
}
