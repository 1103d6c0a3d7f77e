/**
 * The carrier's word on a parcel: asked for one order (the admin's button) or, by the worker, for every shipped
 * order's undelivered parcel not asked lately. Delivered is written on the order's timeline and, when Configuration
 * says so, moves the order to Completed (with that status's email as Configuration has it).
 */
import type { Tx } from '../ports.js';
import { getSettings } from '../settings/get-settings.js';
import { changeOrderStatus, findOrderOrFail, type OrderPanelDeps } from '../orders/change-order-status.js';
import { carrierFailure, type ShipmentDeps } from './create-shipment.js';
import { isCarrierError, type ShipmentStatus, type StoredShipment } from './ports.js';

export type StatusDeps = ShipmentDeps & OrderPanelDeps;

const RECHECK_MS = 60 * 60 * 1000;

async function record(deps: StatusDeps, shipment: StoredShipment, orderNumber: string, status: ShipmentStatus) {
  const now = deps.clock.now();
  const changed = status.code !== shipment.statusCode;
  await deps.transactor.run(async (tx: Tx) => {
    await deps.shipments.recordStatus(tx, shipment.id, status, now);
    if (changed) await deps.orders.addEvents(tx, shipment.orderId, [{ kind: 'parcel', actor: 'Packeta', internal: false, text: `Stav zásilky ${shipment.barcodeText}: ${status.text}`, at: now }]);
  });
  if (!status.delivered || shipment.delivered) return;
  const settings = await getSettings(deps);
  const order = await findOrderOrFail(deps, orderNumber);
  if (settings.carriers.packeta.completeOnDelivery && order.status === 'shipped') {
    await changeOrderStatus(deps, { number: orderNumber, status: 'completed', actor: 'Packeta' }).catch((error: unknown) => {
      if ((error as { code?: string }).code !== 'invalid_transition') throw error; // someone moved it meanwhile
    });
  }
}

function clientFor(deps: StatusDeps, settings: Awaited<ReturnType<typeof getSettings>>, shipment: StoredShipment) {
  const client = deps.carriers.packeta(settings.carriers.packeta);
  return client && client.demo === shipment.demo ? client : null;
}

/** One order's parcel status, asked now (the order detail's button). */
export async function checkShipmentStatus(deps: StatusDeps, input: { number: string }): Promise<StoredShipment | null> {
  const order = await findOrderOrFail(deps, input.number);
  const shipment = await deps.shipments.findByOrder(order.id);
  if (!shipment || shipment.state !== 'created') return null;
  const client = clientFor(deps, await getSettings(deps), shipment);
  if (!client) return shipment;
  try {
    await record(deps, shipment, order.number, await client.status(shipment.shipmentId!));
  } catch (error) {
    carrierFailure(error, 'Packeta');
  }
  return deps.shipments.findByOrder(order.id);
}

/** The worker's round: parcels of shipped orders not checked for an hour; a carrier that is down ends the round. */
export async function pollShipmentStatuses(deps: StatusDeps, options: { limit?: number } = {}): Promise<{ checked: number; delivered: number }> {
  const settings = await getSettings(deps);
  const due = await deps.shipments.dueForStatus({ checkedBefore: new Date(deps.clock.now().getTime() - RECHECK_MS), limit: options.limit ?? 100 });
  let checked = 0;
  let delivered = 0;
  for (const shipment of due) {
    const client = clientFor(deps, settings, shipment);
    if (!client) continue;
    try {
      const status = await client.status(shipment.shipmentId!);
      await record(deps, shipment, shipment.orderNumber, status);
      checked++;
      if (status.delivered) delivered++;
    } catch (error) {
      if (isCarrierError(error) && error.kind === 'unavailable') break;
      if (!isCarrierError(error)) throw error;
      await deps.shipments.recordStatus(null, shipment.id, { code: shipment.statusCode ?? 0, text: shipment.statusText ?? error.message, delivered: false }, deps.clock.now());
    }
  }
  return { checked, delivered };
}
