/**
 * Card payments at a gateway: start one for an unpaid order (the buyer is sent to the gateway), take the gateway's
 * server-to-server notification — verified, then confirmed by asking the gateway for the status, never trusting the
 * notification or the buyer's return alone — and mark the order paid once, whatever is replayed.
 */
import { DomainError } from '../../domain/errors.js';
import { formatMoney } from '../../domain/money/money.js';
import { applyPaymentStatus } from '../orders/order-panel-actions.js';
import type { Order } from '../orders/ports.js';
import { getSettings } from '../settings/get-settings.js';
import type { PairingDeps } from './pair-movement.js';
import { queuePaymentEmail } from './payment-email.js';
import { GatewayError, type CardGateway, type CardGateways, type CardPayment, type CardPaymentStatus, type GatewayStatus } from './ports.js';

export type CardDeps = PairingDeps & { cardGateways: CardGateways };

const STATUS: Record<GatewayStatus, CardPaymentStatus> = { PENDING: 'pending', PAID: 'paid', CANCELLED: 'cancelled', AUTHORIZED: 'authorized' };
const PROVIDER_NAMES = { comgate: 'Comgate', fake: 'testovací brána' } as const;

export async function configuredGateway(deps: CardDeps): Promise<CardGateway | null> {
  return deps.cardGateways((await getSettings(deps)).payments.card);
}

/** Whether the order can be paid by card now: a card order, unpaid, not cancelled, with a gateway set up. */
export async function canPayByCard(deps: CardDeps, order: Order): Promise<boolean> {
  return order.payment.kind === 'card' && order.paymentStatus === 'unpaid' && order.status !== 'cancelled' && (await configuredGateway(deps)) !== null;
}

/** Creates a payment at the gateway; the buyer goes to `redirectUrl`. A gateway down or slow: `gateway_unavailable`, the order stays as it is. */
export async function startCardPayment(deps: CardDeps, order: Order): Promise<{ redirectUrl: string }> {
  const gateway = await configuredGateway(deps);
  if (!gateway || order.payment.kind !== 'card') throw new DomainError('conflict', 'card payments are not set up', undefined, { params: { code: 'card_not_available' } });
  if (order.paymentStatus !== 'unpaid' || order.status === 'cancelled') throw new DomainError('conflict', 'order is not awaiting payment', undefined, { params: { code: 'order_already_paid' } });
  let created: { transId: string; redirectUrl: string };
  try {
    created = await gateway.create({ refId: order.number, amount: order.total, currency: order.currency, label: `Obj. ${order.number}`, email: order.email, locale: order.locale });
  } catch (error) {
    if (error instanceof GatewayError) throw new DomainError('gateway_unavailable', error.message, undefined, { cause: error });
    throw error;
  }
  await deps.payments.insertCardPayment({ orderId: order.id, provider: gateway.provider, transId: created.transId, amount: order.total, currency: order.currency, status: 'created', redirectUrl: created.redirectUrl, at: deps.clock.now() });
  return { redirectUrl: created.redirectUrl };
}

/**
 * Brings a card payment up to date from the gateway's own status call; marks the order paid when the gateway says
 * PAID for exactly the order's amount. Idempotent: a payment already paid changes nothing.
 */
export async function confirmCardPayment(deps: CardDeps, gateway: CardGateway, payment: CardPayment, actor: string): Promise<CardPaymentStatus> {
  if (payment.status === 'paid') return 'paid';
  const reported = await gateway.status(payment.transId);
  const status = STATUS[reported.status];
  if (reported.transId !== payment.transId || reported.amount !== payment.amount || reported.currency !== payment.currency) {
    throw new DomainError('conflict', 'gateway status does not match the payment', undefined, { params: { code: 'card_payment_mismatch' } });
  }
  if (status !== 'paid') {
    if (status !== payment.status) await deps.payments.setCardPaymentStatus(null, payment.id, status, deps.clock.now());
    return status;
  }
  const settings = await getSettings(deps);
  await deps.transactor.run(async (tx) => {
    const current = await deps.payments.lockOrder(tx, payment.orderId);
    const fresh = (await deps.payments.cardPaymentsOf(tx, payment.orderId)).find((p) => p.id === payment.id);
    if (!current || !fresh || fresh.status === 'paid') return; // a replayed notification, or the return raced it
    await deps.payments.setCardPaymentStatus(tx, payment.id, 'paid', deps.clock.now());
    if (current.paymentStatus !== 'unpaid') return;
    const order = (await deps.orders.findByNumberIn(tx, current.number))!;
    const detail = `platba kartou ${formatMoney(payment.amount)}, ${PROVIDER_NAMES[gateway.provider]} ${payment.transId}`;
    await applyPaymentStatus(deps, tx, order, 'paid', { actor, settings, detail });
    await queuePaymentEmail(deps, tx, order, settings, payment.amount);
  });
  return 'paid';
}

/** The gateway's server-to-server notification: refused unless authentic and about a payment we created. */
export async function handleCardNotification(deps: CardDeps, input: { provider: string; body: Record<string, string>; headers: Record<string, string | undefined> }) {
  const gateway = await configuredGateway(deps);
  if (!gateway || gateway.provider !== input.provider) throw new DomainError('not_found');
  const transId = gateway.verifyNotification(input.body, input.headers);
  if (!transId) throw new DomainError('forbidden', 'notification not authentic');
  const payment = await deps.payments.cardPayment(gateway.provider, transId);
  if (!payment) throw new DomainError('not_found');
  return confirmCardPayment(deps, gateway, payment, `${PROVIDER_NAMES[gateway.provider]} (oznámení brány)`);
}

/** The buyer's return from the gateway: the status is asked of the gateway, so a forged return changes nothing. */
export async function cardPaymentReturn(deps: CardDeps, transId: string): Promise<{ order: Order; status: CardPaymentStatus | 'unknown' } | null> {
  const gateway = await configuredGateway(deps);
  const payment = gateway && /^[\w-]{1,80}$/.test(transId) ? await deps.payments.cardPayment(gateway.provider, transId) : null;
  const number = payment ? await deps.payments.orderNumberOf(payment.orderId) : null;
  const order = number ? await deps.orders.findByNumber(number) : null;
  if (!gateway || !payment || !order) return null;
  try {
    const status = await confirmCardPayment(deps, gateway, payment, `${PROVIDER_NAMES[gateway.provider]} (návrat zákazníka)`);
    return { order: status === 'paid' ? ((await deps.orders.findByNumber(order.number)) ?? order) : order, status };
  } catch (error) {
    // The gateway cannot say now: its notification will still come; the page says the payment is being checked.
    if (error instanceof GatewayError) return { order, status: 'unknown' };
    throw error;
  }
}
