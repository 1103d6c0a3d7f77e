/**
 * Creates the order's parcel at its carrier (Packeta: createPacket to the chosen pickup point, cash on delivery from
 * the order when it is paid that way) — once per order, however often it is asked: the order's shipment row is
 * claimed before the carrier is called, and a call that fails gives the claim back, leaving the order as it was.
 */
import { DomainError } from '../../domain/errors.js';
import { formatMoney } from '../../domain/money/money.js';
import type { Clock, Transactor } from '../ports.js';
import type { SettingsRepo } from '../settings/ports.js';
import { getSettings } from '../settings/get-settings.js';
import type { Order, OrderRepo } from '../orders/ports.js';
import type { OrderPanelRepo } from '../orders/panel-ports.js';
import { findOrderOrFail } from '../orders/change-order-status.js';
import { isCarrierError, type CarrierGateway, type ShipmentRepo, type StoredShipment } from './ports.js';

export type ShipmentDeps = { orders: OrderRepo; orderPanel: OrderPanelRepo; shipments: ShipmentRepo; carriers: CarrierGateway; settings: SettingsRepo; transactor: Transactor; clock: Clock };

/** Cash on delivery is collected in whole crowns (Czech cash has no haléře): the order's total rounded to the nearest. */
export const codAmount = (order: Pick<Order, 'payment' | 'paymentStatus' | 'total'>) =>
  order.payment.kind === 'cash-on-delivery' && order.paymentStatus === 'unpaid' ? Math.round(order.total / 100) * 100 : 0;

/** "Jana Marie Nováková" → first "Jana Marie", last "Nováková" (a single word is both). */
function splitName(name: string): { firstName: string; lastName: string } {
  const parts = name.trim().split(/\s+/);
  const lastName = parts.length > 1 ? parts.pop()! : parts[0]!;
  return { firstName: (parts.join(' ') || lastName).slice(0, 32), lastName: lastName.slice(0, 32) };
}

/** A carrier's failure as the owner reads it: its message, the order untouched. */
export function carrierFailure(error: unknown, carrierName: string): never {
  if (!isCarrierError(error)) throw error;
  const code = error.kind === 'rejected' ? 'carrier_rejected' : 'carrier_unavailable';
  throw new DomainError(code, error.message, undefined, { cause: error, params: { carrier: carrierName, message: error.message } });
}

export async function createShipment(deps: ShipmentDeps, input: { number: string; actor: string }): Promise<StoredShipment> {
  const order = await findOrderOrFail(deps, input.number);
  if (order.shipping.carrier !== 'zasilkovna') throw new DomainError('validation', 'no carrier API for this order', { carrier: 'carrier_no_api' });
  if (!order.pickupPoint) throw new DomainError('validation', 'no pickup point', { pickupPoint: 'pickup_point_required' });
  const existing = await deps.shipments.findByOrder(order.id);
  if (existing?.state === 'created') return existing; // asked again: the same parcel, never a second one
  if (existing) throw new DomainError('conflict', 'the parcel is being created');
  if (order.status === 'cancelled' || order.status === 'completed') throw new DomainError('invalid_transition', `no parcel for a ${order.status} order`);
  const settings = await getSettings(deps);
  const packeta = settings.carriers.packeta;
  const client = deps.carriers.packeta(packeta);
  if (!client) throw new DomainError('validation', 'Packeta is not set up', { carrier: 'carrier_not_configured' });

  const cod = codAmount(order);
  if (!(await deps.shipments.claim({ orderId: order.id, carrier: 'zasilkovna', cod, demo: client.demo, at: deps.clock.now() }))) {
    const other = await deps.shipments.findByOrder(order.id);
    if (other?.state === 'created') return other;
    throw new DomainError('conflict', 'the parcel is being created');
  }
  let created;
  try {
    created = await client.createShipment({
      orderNumber: order.number,
      ...splitName(order.name),
      company: order.company,
      email: order.email,
      phone: order.phone,
      pickupPointId: order.pickupPoint.id,
      cod,
      value: order.total,
      currency: 'CZK',
      weightGrams: order.weightGrams > 0 ? order.weightGrams : packeta.defaultWeightGrams,
      sender: packeta.sender,
    });
  } catch (error) {
    await deps.shipments.release(order.id);
    carrierFailure(error, 'Packeta');
  }
  await deps.transactor.run(async (tx) => {
    const now = deps.clock.now();
    await deps.shipments.complete(tx, order.id, created, now);
    const lines = [`Zásilka vytvořena v Packetě${client.demo ? ' (zkušební dopravce)' : ''}: ${created.barcodeText}`];
    if (cod > 0) lines.push(`Dobírka: ${formatMoney(cod, 'cs')}`);
    // Already shipped (a number typed by hand came later): the parcel joins the order's parcels at once.
    if (order.status === 'shipped') {
      await deps.orderPanel.addParcels(tx, order.id, [{ carrier: 'zasilkovna', trackingNumber: created.trackingNumber }], now);
      await deps.orderPanel.setTrackingMissing(tx, order.id, false);
    }
    await deps.orders.addEvents(tx, order.id, [{ kind: 'parcel', actor: input.actor, internal: false, text: lines.join('\n'), at: now }]);
  });
  return (await deps.shipments.findByOrder(order.id))!;
}
