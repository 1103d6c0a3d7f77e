/** What goods out needs from the outside: a carrier's API (parcels, labels, statuses, pickup points) and storage. */
import type { PacketaLabelFormat, PacketaSettings } from '../../domain/settings/carrier-settings.js';
import type { PickupPoint } from '../../domain/shipping/pickup-point.js';
import type { Tx } from '../ports.js';

export type ShipmentRequest = {
  orderNumber: string;
  firstName: string;
  lastName: string;
  company: string | null;
  email: string;
  phone: string | null;
  pickupPointId: string;
  /** Cash to collect, in minor units (0: prepaid). */
  cod: number;
  /** The declared value, in minor units. */
  value: number;
  currency: 'CZK';
  weightGrams: number;
  /** The sender indication at the carrier (Packeta's "eshop"); empty: the account's only sender. */
  sender: string;
};

export type CreatedShipment = { shipmentId: string; trackingNumber: string; barcodeText: string };
export type ShipmentStatus = { code: number; text: string; delivered: boolean };

/** One carrier account. Every call either answers or throws a CarrierError with the carrier's own message. */
export interface CarrierClient {
  readonly carrier: string;
  /** True for the built-in demo carrier (no real API key configured): its parcels go nowhere. */
  readonly demo: boolean;
  createShipment(request: ShipmentRequest): Promise<CreatedShipment>;
  /** One PDF with the labels of these shipments, in this order; `offset` skips used positions of the first A4 sheet. */
  labels(shipmentIds: string[], format: PacketaLabelFormat, offset: number): Promise<Buffer>;
  status(shipmentId: string): Promise<ShipmentStatus>;
  /** Every pickup point the carrier's feed lists for the shop's countries, streamed one by one. */
  pickupPoints(): AsyncIterable<PickupPoint>;
}

/** A carrier's refusal or absence: `unavailable` (down, timed out, an answer we cannot read), `rejected` (it said no). */
export class CarrierError extends Error {
  constructor(
    readonly kind: 'unavailable' | 'rejected',
    message: string,
    /** The carrier's fault name (e.g. `PacketAttributesFault`), when it gave one. */
    readonly fault: string | null = null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'CarrierError';
  }
}

export const isCarrierError = (e: unknown): e is CarrierError => e instanceof CarrierError;

/** Hands out the client for the shop's current credentials; null when the carrier is not set up (and no demo runs). */
export interface CarrierGateway {
  packeta(settings: PacketaSettings): CarrierClient | null;
}

export type StoredShipment = {
  id: number;
  orderId: number;
  carrier: string;
  state: 'creating' | 'created';
  shipmentId: string | null;
  trackingNumber: string | null;
  barcodeText: string | null;
  cod: number;
  demo: boolean;
  statusCode: number | null;
  statusText: string | null;
  delivered: boolean;
  checkedAt: string | null;
  createdAt: string;
};

export interface ShipmentRepo {
  /** Takes the order's one shipment slot; false when the order already has one (being created or created). */
  claim(input: { orderId: number; carrier: string; cod: number; demo: boolean; at: Date }): Promise<boolean>;
  /** A claim that failed at the carrier is given back, so a retry can try again. */
  release(orderId: number): Promise<void>;
  complete(tx: Tx, orderId: number, created: CreatedShipment, at: Date): Promise<void>;
  findByOrder(orderId: number): Promise<StoredShipment | null>;
  findByOrders(orderIds: number[]): Promise<StoredShipment[]>;
  /** Created, undelivered shipments of shipped orders, not checked since `checkedBefore`, oldest check first. */
  dueForStatus(input: { checkedBefore: Date; limit: number }): Promise<(StoredShipment & { orderNumber: string })[]>;
  recordStatus(tx: Tx | null, id: number, status: ShipmentStatus, at: Date): Promise<void>;
}

export interface PickupPointRepo {
  /** Replaces a carrier's points with the feed's, in one transaction; returns how many were stored. */
  replaceAll(carrier: string, points: AsyncIterable<PickupPoint>, at: Date): Promise<number>;
  search(carrier: string, query: string, limit: number): Promise<PickupPoint[]>;
  find(carrier: string, id: string): Promise<PickupPoint | null>;
  lastRefresh(carrier: string): Promise<{ at: string; count: number } | null>;
}
