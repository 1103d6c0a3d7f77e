/** The Orders panel's other actions: payment state, internal notes, a message to the customer, a late parcel, the full admin view. */
import { DomainError } from '../../domain/errors.js';
import { isPaymentStatus, type PaymentStatus } from '../../domain/orders/order-status.js';
import type { Settings } from '../../domain/settings/settings.js';
import type { Tx } from '../ports.js';
import type { Order } from './ports.js';
import { textToHtml } from '../../domain/settings/email-templates.js';
import { queueEmail } from '../mail/queue-email.js';
import { getSettings } from '../settings/get-settings.js';
import { senderAddress } from '../settings/sender-address.js';
import { carrierName, findOrderOrFail, readParcels, type OrderPanelDeps, type ParcelInput } from './change-order-status.js';
import { issueOnMoment } from '../invoices/issue-invoice.js';

const PAYMENT_NAMES = { unpaid: 'nezaplaceno', paid: 'zaplaceno', refunded: 'vráceno' } as const;

const text = (value: unknown, field: string, max: number, oneLine = false): string => {
  const v = typeof value === 'string' ? value.replace(/\r\n?/g, '\n').trim() : '';
  if (!v) throw new DomainError('validation', field, { [field]: 'required' });
  if (v.length > max) throw new DomainError('validation', field, { [field]: 'too_long' });
  if (oneLine && v.includes('\n')) throw new DomainError('validation', field, { [field]: 'invalid_value' });
  return v;
};

export async function adminOrderDetail(deps: OrderPanelDeps, number: string) {
  const order = await findOrderOrFail(deps, number);
  // Every email of the order from the outbox itself (id, delivery state, last error), for the timeline and its "send again".
  const [parcels, timeline, emails, trackingMissing, invoices, settings, shipment] = await Promise.all([
    deps.orderPanel.parcels(null, order.id),
    deps.orderPanel.timeline(order.id),
    deps.outbox.list({ limit: 500, orderId: order.id }),
    deps.orderPanel.trackingMissing(order.id),
    deps.invoices.forOrder(order.id),
    getSettings(deps),
    deps.shipments.findByOrder(order.id),
  ]);
  return { order, parcels, timeline, emails, trackingMissing, invoices, issueOn: settings.invoices.issueOn, shipment };
}

export type AdminOrderDetail = Awaited<ReturnType<typeof adminOrderDetail>>;

export async function setPaymentStatus(deps: OrderPanelDeps, input: { number: string; status: unknown; actor: string }) {
  if (!isPaymentStatus(input.status)) throw new DomainError('validation', 'payment status', { status: 'invalid_value' });
  const status = input.status;
  const order = await findOrderOrFail(deps, input.number);
  if (order.paymentStatus === status) return order;
  const settings = await getSettings(deps);
  await deps.transactor.run((tx) => applyPaymentStatus(deps, tx, order, status, { actor: input.actor, settings }));
  return { ...order, paymentStatus: status };
}

/**
 * The one place an order's payment state changes — by hand, by the admin API, by bank pairing and by card payments —
 * inside the caller's transaction. `detail` says where the money came from, on the timeline.
 */
export async function applyPaymentStatus(deps: OrderPanelDeps, tx: Tx, order: Order, status: PaymentStatus, how: { actor: string; settings: Settings; detail?: string }) {
  const now = deps.clock.now();
  await deps.orderPanel.setPaymentStatus(tx, order.id, status, now);
  const text = `Platba: ${PAYMENT_NAMES[order.paymentStatus]} → ${PAYMENT_NAMES[status]}${how.detail ? ` (${how.detail})` : ''}`;
  await deps.orders.addEvents(tx, order.id, [{ kind: 'payment', actor: how.actor, internal: false, text, at: now }]);
  // Configuration may issue the invoice on payment: in the same transaction as the payment itself.
  if (status === 'paid') await issueOnMoment(deps, tx, { ...order, paymentStatus: status }, how.settings, 'paid', how.actor);
}

/** An internal note: for the shop only, never shown to the customer. */
export async function addOrderNote(deps: OrderPanelDeps, input: { number: string; text: unknown; actor: string }) {
  const note = text(input.text, 'text', 5000);
  const order = await findOrderOrFail(deps, input.number);
  return deps.transactor.run(async (tx) => {
    const now = deps.clock.now();
    await deps.orders.addEvents(tx, order.id, [{ kind: 'note', actor: input.actor, internal: true, text: note, at: now }]);
    return { id: await deps.orderPanel.lastEventId(tx, order.id), text: note, author: input.actor, createdAt: now.toISOString() };
  });
}

/** A free-form email to the customer, queued through the outbox and logged on the timeline. */
export async function emailCustomer(deps: OrderPanelDeps, input: { number: string; subject: unknown; body: unknown; actor: string }) {
  const order = await findOrderOrFail(deps, input.number);
  const typed = text(input.subject, 'subject', 200, true);
  const body = text(input.body, 'body', 10_000);
  // Every email names its order in the subject.
  const subject = typed.includes(order.number) ? typed : `${typed} (${order.locale === 'en' ? 'order' : 'objednávka'} ${order.number})`;
  const settings = await getSettings(deps);
  await deps.transactor.run(async (tx) => {
    await queueEmail(deps, tx, { kind: 'customer_message', orderId: order.id, to: order.email, from: senderAddress(settings), subject, text: body, html: textToHtml(body) });
    await deps.orders.addEvents(tx, order.id, [{ kind: 'email', actor: input.actor, internal: false, text: `E-mail zákazníkovi (${order.email}): ${subject}\n\n${body}`, at: deps.clock.now() }]);
  });
  return { subject, to: order.email };
}

/** A parcel added after shipping (the tracking number came later): clears the "missing tracking number" flag. */
export async function addOrderParcel(deps: OrderPanelDeps, input: { number: string; parcel: ParcelInput; actor: string }) {
  const order = await findOrderOrFail(deps, input.number);
  if (order.status !== 'shipped' && order.status !== 'completed') throw new DomainError('invalid_transition', 'not shipped');
  const [parcel] = readParcels([input.parcel], order.shipping.carrier);
  if (!parcel) throw new DomainError('validation', 'tracking number', { trackingNumber: 'required' });
  await deps.transactor.run(async (tx) => {
    const now = deps.clock.now();
    await deps.orderPanel.addParcels(tx, order.id, [parcel], now);
    await deps.orderPanel.setTrackingMissing(tx, order.id, false);
    await deps.orders.addEvents(tx, order.id, [{ kind: 'parcel', actor: input.actor, internal: false, text: `Zásilka přidána: ${carrierName(parcel.carrier)} ${parcel.trackingNumber}`, at: now }]);
  });
  return parcel;
}
