/** What exports need from storage: orders read in keyset batches (constant memory), a count, and the timeline entries they leave. */
import type { ExportOrder } from '../../domain/exports/export-order.js';
import type { OrderStatus } from '../../domain/orders/order-status.js';

export type ExportQuery = {
  /** Inclusive / exclusive UTC instants. */
  from: string | null;
  to: string | null;
  status: OrderStatus | null;
  /** Exactly these orders (a selection); null: by range. */
  numbers: string[] | null;
};

export interface ExportRepo {
  /** Orders oldest first, `batchSize` at a time, each with items and parcels (and history when asked). */
  batches(query: ExportQuery, options: { batchSize: number; history: boolean }): AsyncIterable<ExportOrder[]>;
  count(query: ExportQuery): Promise<number>;
  /** The newest order's number (for previews), or null in an empty shop. */
  newestNumber(): Promise<string | null>;
  /** One `export` event on each order's timeline, inserted in one statement per call. */
  logExports(orderIds: number[], event: { text: string; actor: string; at: Date }): Promise<void>;
}
