/** Pickup points, their feeds' freshness and parcels created at carriers, as Kysely sees them (migration 0023). */
import type { Generated } from 'kysely';

export interface PickupPointsTable {
  carrier: string;
  id: string;
  name: string;
  place: string;
  street: string;
  city: string;
  zip: string;
  country: string;
  kind: string;
  opening_hours: string;
  latitude: number | null;
  longitude: number | null;
  max_weight_grams: number | null;
  search_text: string;
}

export interface CarrierShipmentsTable {
  id: Generated<number>;
  order_id: number;
  carrier: string;
  state: string;
  shipment_id: string | null;
  tracking_number: string | null;
  barcode_text: string | null;
  cod: number;
  demo: number;
  status_code: number | null;
  status_text: string | null;
  delivered: Generated<number>;
  checked_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface CarrierTables {
  pickup_points: PickupPointsTable;
  pickup_feeds: { carrier: string; refreshed_at: string; point_count: number };
  carrier_shipments: CarrierShipmentsTable;
  /** Merged with OrdersTable: the chosen pickup point (JSON) or null. */
  orders: { pickup_point: string | null; weight_grams: number | null };
}
