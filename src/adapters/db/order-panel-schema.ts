/** The Orders panel's tables and columns as Kysely sees them (migration 0007). */
import type { Generated } from 'kysely';

export interface OrderParcelsTable {
  id: Generated<number>;
  order_id: number;
  carrier: string;
  tracking_number: string;
  created_at: string;
}

export interface OrderPanelTables {
  order_parcels: OrderParcelsTable;
  /** Merged with OrdersTable: 1 while a shipped order waits for its tracking number. */
  orders: { tracking_missing: Generated<number> };
}
