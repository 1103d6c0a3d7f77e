/** The label PDFs of orders' parcels: one order's, or the ticked orders' in one file (those without a parcel are named). */
import { DomainError } from '../../domain/errors.js';
import { PACKETA_LABEL_FORMATS, type PacketaLabelFormat } from '../../domain/settings/carrier-settings.js';
import { getSettings } from '../settings/get-settings.js';
import { readOrderNumbers } from '../orders/bulk-order-actions.js';
import { findOrderOrFail } from '../orders/change-order-status.js';
import { carrierFailure, type ShipmentDeps } from './create-shipment.js';

export type LabelRequest = { numbers: unknown; format?: unknown; offset?: unknown };

export async function shipmentLabels(deps: ShipmentDeps, input: LabelRequest): Promise<{ pdf: Buffer; numbers: string[]; without: string[] }> {
  const numbers = readOrderNumbers(input.numbers);
  const settings = await getSettings(deps);
  const format: PacketaLabelFormat = input.format === undefined || input.format === '' ? settings.carriers.packeta.labelFormat : (PACKETA_LABEL_FORMATS as readonly unknown[]).includes(input.format) ? (input.format as PacketaLabelFormat) : bad('format');
  const offset = input.offset === undefined || input.offset === '' ? 0 : Number(input.offset);
  if (!Number.isInteger(offset) || offset < 0 || offset > (format === 'A6 on A4' ? 3 : 0)) bad('offset');
  const orders = await Promise.all(numbers.map((n) => findOrderOrFail(deps, n)));
  const shipments = new Map((await deps.shipments.findByOrders(orders.map((o) => o.id))).filter((s) => s.state === 'created').map((s) => [s.orderId, s]));
  const withParcel = orders.filter((o) => shipments.has(o.id));
  const without = orders.filter((o) => !shipments.has(o.id)).map((o) => o.number);
  if (withParcel.length === 0) throw new DomainError('validation', 'no parcel to print', { numbers: 'no_parcel_created' });
  const client = deps.carriers.packeta(settings.carriers.packeta);
  // A parcel of the demo carrier exists only there (and a real one only at Packeta): the two never mix in one file.
  const mixed = withParcel.some((o) => shipments.get(o.id)!.demo !== client?.demo);
  if (!client || mixed) throw new DomainError('validation', 'parcels of another carrier account', { numbers: 'parcel_other_account' });
  try {
    const pdf = await client.labels(withParcel.map((o) => shipments.get(o.id)!.shipmentId!), format, offset);
    return { pdf, numbers: withParcel.map((o) => o.number), without };
  } catch (error) {
    carrierFailure(error, 'Packeta');
  }
}

function bad(field: string): never {
  throw new DomainError('validation', `bad label ${field}`, { [field]: 'invalid_value' });
}
