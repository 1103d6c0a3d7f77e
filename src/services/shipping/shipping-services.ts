/** The goods-out use cases bound to their dependencies (spread into the services object). */
import type { PickupPointDeps } from './pickup-points.js';
import { refreshPickupPoints, searchPickupPoints, findPickupPoint } from './pickup-points.js';
import { createShipment, type ShipmentDeps } from './create-shipment.js';
import { shipmentLabels, type LabelRequest } from './shipment-labels.js';
import { checkShipmentStatus, pollShipmentStatuses, type StatusDeps } from './shipment-status.js';
import { readOrderNumbers } from '../orders/bulk-order-actions.js';
import { findOrderOrFail } from '../orders/change-order-status.js';
import { isDomainError } from '../../domain/errors.js';
import { getSettings } from '../settings/get-settings.js';
import type { CarrierGateway, PickupPointRepo, ShipmentRepo } from './ports.js';

export type ShippingPorts = { pickupPoints: PickupPointRepo; shipments: ShipmentRepo; carriers: CarrierGateway };

export type BulkShipmentOutcome = { number: string; ok: true; trackingNumber: string } | { number: string; ok: false; code: string; message: string; fields: Record<string, string>; params?: Record<string, string> };

export function shippingServices(ports: PickupPointDeps & ShipmentDeps & StatusDeps) {
  return {
    refreshPickupPoints: (options: { maxAgeMs?: number } = {}) => refreshPickupPoints(ports, options),
    searchPickupPoints: (input: { carrier: unknown; query: string; limit: number }) => searchPickupPoints(ports, input),
    findPickupPoint: (carrier: string, id: unknown) => findPickupPoint(ports, carrier, id),
    pickupFeedInfo: (carrier: string) => ports.pickupPoints.lastRefresh(carrier),
    createShipment: (input: { number: string; actor: string }) => createShipment(ports, input),
    /** Each ticked order on its own: one that cannot have a parcel is reported, the others go on. */
    async createShipments(input: { numbers: unknown; actor: string }): Promise<BulkShipmentOutcome[]> {
      const outcomes: BulkShipmentOutcome[] = [];
      for (const number of readOrderNumbers(input.numbers)) {
        try {
          const shipment = await createShipment(ports, { number, actor: input.actor });
          outcomes.push({ number, ok: true, trackingNumber: shipment.barcodeText ?? shipment.trackingNumber ?? '' });
        } catch (error) {
          if (!isDomainError(error)) throw error;
          outcomes.push({ number, ok: false, code: error.code, message: error.message, fields: error.fields ?? {}, params: error.params });
        }
      }
      return outcomes;
    },
    shipmentLabels: (input: LabelRequest) => shipmentLabels(ports, input),
    checkShipmentStatus: (input: { number: string }) => checkShipmentStatus(ports, input),
    pollShipmentStatuses: (options: { limit?: number } = {}) => pollShipmentStatuses(ports, options),
    async orderShipment(number: string) {
      const order = await findOrderOrFail(ports, number);
      return ports.shipments.findByOrder(order.id);
    },
    /** Whether the shop's Packeta is the demo carrier (no real API password), real, or off. */
    async packetaMode(): Promise<'real' | 'demo' | 'off'> {
      const client = ports.carriers.packeta((await getSettings(ports)).carriers.packeta);
      return client ? (client.demo ? 'demo' : 'real') : 'off';
    },
  };
}
