/**
 * Moves an order along the status table: parcels with tracking numbers when shipped, stock returned (once) when
 * cancelled, the customer's email per Configuration (or the per-change override) queued in the same transaction.
 */
import { DomainError } from '../../domain/errors.js';
import { CARRIER_NAMES, isCarrier, trackingUrl } from '../../domain/orders/carriers.js';
import { canTransition, isOrderStatus, STATUS_NAMES, type OrderStatus } from '../../domain/orders/order-status.js';
import { renderTemplate, type TemplateKey } from '../../domain/settings/email-templates.js';
import type { Settings } from '../../domain/settings/settings.js';
import type { Clock, OutboxRepo, Transactor, Tx } from '../ports.js';
import { queueEmail } from '../mail/queue-email.js';
import type { SettingsRepo } from '../settings/ports.js';
import { getSettings } from '../settings/get-settings.js';
import { senderAddress } from '../settings/sender-address.js';
import { orderTemplateValues } from './order-emails.js';
import type { Order, OrderRepo } from './ports.js';
import type { OrderPanelRepo } from './panel-ports.js';
import type { InvoiceRepo } from '../invoices/ports.js';
import { issueOnMoment } from '../invoices/issue-invoice.js';
import type { ShipmentRepo } from '../shipping/ports.js';

export type OrderPanelDeps = { orders: OrderRepo; orderPanel: OrderPanelRepo; invoices: InvoiceRepo; settings: SettingsRepo; outbox: OutboxRepo; transactor: Transactor; clock: Clock; publicUrl: string; shipments: ShipmentRepo };

export type ParcelInput = { carrier?: unknown; trackingNumber?: unknown };

export type StatusChange = {
  number: string;
  status: unknown;
  parcels?: ParcelInput[];
  /** Overrides Configuration's "email the customer on this status" for this one change. */
  notifyCustomer?: boolean | null;
  /** Needed to ship without a tracking number while Configuration's reminder is on. */
  confirmWithoutTracking?: boolean;
  actor: string;
};

const NOTIFY: Record<Exclude<OrderStatus, 'new'>, keyof Settings['emails'] & `on${string}`> = { processing: 'onProcessing', shipped: 'onShipped', completed: 'onCompleted', cancelled: 'onCancelled' };

export const carrierName = (carrier: string) => (isCarrier(carrier) ? CARRIER_NAMES[carrier] : carrier);

export async function findOrderOrFail(deps: { orders: OrderRepo }, number: string): Promise<Order> {
  const order = /^\d{1,10}$/.test(number) ? await deps.orders.findByNumber(number) : null;
  if (!order) throw new DomainError('not_found');
  return order;
}

/** Parcels as typed: rows without a tracking number are dropped; the carrier defaults to the shipping method's. */
export function readParcels(input: ParcelInput[] | undefined, defaultCarrier: string): { carrier: string; trackingNumber: string }[] {
  if (input !== undefined && !Array.isArray(input)) throw new DomainError('validation', 'parcels', { parcels: 'invalid_value' });
  const fields: Record<string, string> = {};
  const parcels = (input ?? []).flatMap((p, i) => {
    const number = typeof p?.trackingNumber === 'string' ? p.trackingNumber.trim() : p?.trackingNumber == null ? '' : null;
    const carrier = typeof p?.carrier === 'string' && p.carrier.trim() ? p.carrier.trim() : p?.carrier == null || p.carrier === '' ? defaultCarrier : null;
    if (number === null || number.length > 100 || /[\r\n]/.test(number)) fields[`parcels.${i}.trackingNumber`] = 'invalid_value';
    if (carrier === null || carrier.length > 60) fields[`parcels.${i}.carrier`] = 'invalid_value';
    return number && carrier ? [{ carrier, trackingNumber: number }] : [];
  });
  if (Object.keys(fields).length > 0) throw new DomainError('validation', 'invalid parcel', fields);
  return parcels;
}

export async function changeOrderStatus(deps: OrderPanelDeps, change: StatusChange): Promise<Order> {
  if (!isOrderStatus(change.status)) throw new DomainError('validation', 'status', { status: 'invalid_value' });
  const to = change.status;
  const order = await findOrderOrFail(deps, change.number);
  if (to === 'new' || !canTransition(order.status, to)) throw new DomainError('invalid_transition', `${order.status} → ${to}`);
  const settings = await getSettings(deps);
  const typed = to === 'shipped' ? readParcels(change.parcels, order.shipping.carrier) : [];
  // A parcel already created at the carrier ships in one step: its tracking number is the order's, nothing to type.
  const created = to === 'shipped' && typed.length === 0 ? await deps.shipments.findByOrder(order.id) : null;
  const parcels = created?.state === 'created' && created.trackingNumber ? [{ carrier: created.carrier, trackingNumber: created.trackingNumber }] : typed;
  const missingTracking = to === 'shipped' && parcels.length === 0 && order.shipping.carrier !== 'own';
  if (missingTracking && settings.checkout.trackingNumberReminder && !change.confirmWithoutTracking) {
    throw new DomainError('validation', 'tracking number missing', { trackingNumber: 'tracking_number_missing' });
  }
  const notify = change.notifyCustomer ?? settings.emails[NOTIFY[to]];

  return deps.transactor.run(async (tx) => {
    const now = deps.clock.now();
    // Guarded by the status read above: of two changes at once only one moves the order (and returns the stock).
    if (!(await deps.orderPanel.moveStatus(tx, order.id, order.status, to, now))) throw new DomainError('invalid_transition', 'changed meanwhile');
    const lines = [`${STATUS_NAMES[order.status].cs} → ${STATUS_NAMES[to].cs}`];
    const events = [];
    if (to === 'shipped') {
      await deps.orderPanel.addParcels(tx, order.id, parcels, now);
      await deps.orderPanel.setTrackingMissing(tx, order.id, missingTracking && settings.checkout.trackingNumberReminder);
      lines.push(...parcels.map((p) => `Zásilka: ${carrierName(p.carrier)} ${p.trackingNumber}`));
      if (missingTracking) lines.push('Bez čísla zásilky.');
    }
    if (to === 'cancelled') {
      await deps.orderPanel.setTrackingMissing(tx, order.id, false);
      const returned = await deps.orderPanel.returnStock(tx, order.id);
      if (returned.length > 0) events.push({ kind: 'stock', actor: change.actor, internal: false, text: `Zboží vráceno na sklad: ${returned.map((r) => `${r.sku} × ${r.quantity}`).join(', ')}`, at: now });
    }
    const moved = { ...order, status: to };
    if (notify) lines.push(`E-mail zákazníkovi: ${await queueStatusEmail(deps, tx, moved, settings, to, await deps.orderPanel.parcels(tx, order.id))}`);
    else lines.push('Zákazník nebyl e-mailem informován.');
    await deps.orders.addEvents(tx, order.id, [{ kind: 'status', actor: change.actor, internal: false, text: lines.join('\n'), statusFrom: order.status, statusTo: to, at: now }, ...events]);
    // Configuration may issue the invoice on shipping: in this transaction, so the order never ships without it.
    if (to === 'shipped') await issueOnMoment(deps, tx, moved, settings, 'shipped', change.actor);
    return moved;
  });
}

async function queueStatusEmail(deps: OrderPanelDeps, tx: Tx, order: Order, settings: Settings, to: Exclude<OrderStatus, 'new'>, parcels: { carrier: string; trackingNumber: string }[]): Promise<string> {
  const locale = order.locale;
  const carriers = parcels.length > 0 ? parcels.map((p) => carrierName(p.carrier)) : [carrierName(order.shipping.carrier)];
  const values = {
    ...orderTemplateValues(order, settings, deps.publicUrl, locale),
    statusName: STATUS_NAMES[to][locale],
    carrier: [...new Set(carriers)].join(', '),
    trackingNumber: parcels.map((p) => p.trackingNumber).join(', '),
    trackingUrl: parcels.map((p) => trackingUrl(p.carrier, p.trackingNumber)).filter(Boolean).join('\n'),
  };
  const mail = renderTemplate(settings.emails.templates[`status_${to}` as TemplateKey][locale], values);
  await queueEmail(deps, tx, { kind: 'order_status', orderId: order.id, to: order.email, from: senderAddress(settings), ...mail });
  return `${mail.subject} → ${order.email}`;
}
