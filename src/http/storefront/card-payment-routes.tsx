/**
 * Card payments on the storefront: "Zaplatit kartou / Zaplatit znovu" for an unpaid card order, the buyer's return
 * from the gateway (confirmed by the gateway's status call), the gateways' server-to-server notifications, and the
 * test gateway's own payment page.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isDomainError } from '../../domain/errors.js';
import { formatMoney } from '../../domain/money/money.js';
import { decideFakePayment, fakeGatewayPayment } from '../../adapters/payments/fake-gateway.js';
import type { Order } from '../../services/orders/ports.js';
import type { Services } from '../../services/services.js';
import { csrfGuard } from '../middleware/session.js';
import type { Flash } from '../views/components.js';
import { CsrfField } from '../views/components.js';
import { BareLayout } from '../views/admin-layout.js';
import { renderDocument } from '../views/render.js';
import type { PageContext } from '../views/page-context.js';
import { COMGATE_NOTIFY_PATH } from '../admin/settings/payments-section.js';

export const FAKE_NOTIFY_PATH = '/api/payments/test-gateway/notify';
export const orderPageUrl = (order: Order) => `/objednavka/${order.number}?t=${encodeURIComponent(order.accessToken)}`;
export const payPath = (order: Order) => `/objednavka/${order.number}/zaplatit`;

/** Sends the buyer to the gateway; a gateway down or slow leaves the order unpaid and says so on the order page. */
export async function redirectToGateway(services: Services, request: FastifyRequest, reply: FastifyReply, order: Order) {
  const flash = (f: Flash) => {
    request.session.flash = f;
    return reply.redirect(orderPageUrl(order), 303);
  };
  try {
    const { redirectUrl } = await services.startCardPayment(order);
    return reply.redirect(redirectUrl, 303);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    request.log.warn({ err: error, order: order.number }, 'card payment not started');
    return flash({ kind: 'error', text: request.t(error.code === 'gateway_unavailable' ? 'pay.card.unavailable' : 'pay.card.notAvailable') });
  }
}

const formOf = (body: unknown): Record<string, string> =>
  Object.fromEntries(Object.entries(typeof body === 'object' && body !== null ? body : {}).filter((e): e is [string, string] => typeof e[1] === 'string'));

export function registerCardPaymentRoutes(app: FastifyInstance, services: Services, pageContext: (r: FastifyRequest) => PageContext) {
  app.post<{ Params: { number: string }; Body: { t?: string } }>('/objednavka/:number/zaplatit', { preHandler: csrfGuard(app) }, async (request, reply) => {
    const order = await services.orderByToken(request.params.number, String(request.body?.t ?? ''));
    if (!order) return reply.callNotFound();
    return redirectToGateway(services, request, reply, order);
  });

  // The buyer's way back: never trusted by itself — the gateway is asked for the payment's status.
  app.get<{ Querystring: { id?: string } }>('/platby/navrat', async (request, reply) => {
    const back = await services.cardPaymentReturn(String(request.query.id ?? ''));
    if (!back) return reply.callNotFound();
    const key = back.status === 'paid' ? 'pay.card.paid' : back.status === 'cancelled' ? 'pay.card.cancelled' : 'pay.card.pending';
    request.session.flash = { kind: back.status === 'cancelled' ? 'error' : 'success', text: request.t(key) };
    return reply.redirect(orderPageUrl(back.order), 303);
  });

  /** A gateway's notification, answered in its own protocol: Comgate expects `code=0&message=OK`. */
  const notification = (provider: 'comgate' | 'fake') => async (request: FastifyRequest, reply: FastifyReply) => {
    const answer = (status: number, code: number, message: string) => reply.code(status).type('application/x-www-form-urlencoded; charset=utf-8').send(new URLSearchParams({ code: String(code), message }).toString());
    try {
      const headers = { 'x-signature': typeof request.headers['x-signature'] === 'string' ? request.headers['x-signature'] : undefined };
      await services.handleCardNotification({ provider, body: formOf(request.body), headers });
      return answer(200, 0, 'OK');
    } catch (error) {
      if (!isDomainError(error)) throw error;
      request.log.warn({ err: error, provider }, 'card payment notification refused');
      if (error.code === 'gateway_unavailable') return answer(503, 1500, 'status unavailable, send again');
      return answer(error.code === 'forbidden' ? 403 : error.code === 'not_found' ? 404 : 409, 1400, error.code);
    }
  };
  app.post(COMGATE_NOTIFY_PATH, notification('comgate'));
  app.post(FAKE_NOTIFY_PATH, notification('fake'));

  // The test gateway's payment page (the gateway's side, served here so a demo needs nothing else).
  app.get<{ Params: { transId: string } }>('/platby/testovaci-brana/:transId', async (request, reply) => {
    const payment = fakeGatewayPayment(request.params.transId);
    const settings = await services.getSettings();
    if (!payment || settings.payments.card.provider !== 'fake') return reply.callNotFound();
    const ctx = pageContext(request);
    const { t } = ctx;
    const csrf = reply.generateCsrf();
    const action = `/platby/testovaci-brana/${encodeURIComponent(payment.transId)}`;
    const html = renderDocument(
      <BareLayout ctx={ctx} title={t('pay.fake.title')}>
        <h1>{t('pay.fake.title')}</h1>
        <p class="lead">{t('pay.fake.lead')}</p>
        <p>
          {t('pay.fake.amount')}: <strong>{formatMoney(payment.amount, ctx.locale)}</strong> ({payment.label}, {payment.transId})
        </p>
        {payment.status === 'PENDING' && (
          <form method="post" action={action} class="form-actions">
            <CsrfField token={csrf} />
            <button type="submit" name="outcome" value="PAID" class="button-primary">
              {t('pay.fake.pay')}
            </button>{' '}
            <button type="submit" name="outcome" value="CANCELLED">
              {t('pay.fake.cancel')}
            </button>
          </form>
        )}
      </BareLayout>,
    );
    return reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);
  });

  app.post<{ Params: { transId: string }; Body: { outcome?: string } }>('/platby/testovaci-brana/:transId', { preHandler: csrfGuard(app) }, async (request, reply) => {
    const settings = await services.getSettings();
    const outcome = request.body?.outcome === 'PAID' ? 'PAID' : 'CANCELLED';
    const decided = settings.payments.card.provider === 'fake' ? decideFakePayment(request.params.transId, outcome, settings.payments.card.secret) : null;
    if (!decided) return reply.callNotFound();
    // The gateway tells the shop server-to-server first (a signed notification through the shop's HTTP route) …
    const told = await app.inject({ method: 'POST', url: FAKE_NOTIFY_PATH, payload: decided.body, headers: { 'x-signature': decided.signature } });
    if (told.statusCode !== 200) request.log.warn({ status: told.statusCode, body: told.body }, 'test gateway notification refused');
    // … then sends the buyer back, as Comgate does.
    return reply.redirect(`/platby/navrat?id=${encodeURIComponent(request.params.transId)}&refId=${encodeURIComponent(decided.body.refId!)}`, 303);
  });
}
