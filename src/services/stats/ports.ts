/** What statistics need from storage: aggregates over a range of instants, computed in the database. */
import type { ItemDayGroup, OrderDayGroup, VariantSales } from '../../domain/stats/statistics.js';

/** A half-open range of instants [from, to) and the Prague dates its days carry. */
export type StatsRange = { from: string; to: string };

export interface StatsRepo {
  /** Orders grouped per Prague day × status × shipping × payment method (all statuses). */
  orderDays(range: StatsRange): Promise<OrderDayGroup[]>;
  /**
   * Items of orders not cancelled (unless included), read in one pass: their gross per Prague day and VAT rate, and
   * per SKU and VAT rate with the categories of the SKU's product.
   */
  items(range: StatsRange, includeCancelled: boolean): Promise<{ days: ItemDayGroup[]; variants: VariantSales[] }>;
  /** Distinct customers (registered id, or guest email ignoring case) with orders in the range, and how many ordered before it. */
  customers(range: StatsRange, includeCancelled: boolean): Promise<{ customers: number; returning: number }>;
}
