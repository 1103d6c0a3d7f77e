/** What statistics need from storage: aggregates over a range of Prague days, computed in the database. */
import type { Grain, ItemDayGroup, OrderDayGroup, VariantSales } from '../../domain/stats/statistics.js';
import type { LocalDate } from '../../domain/stats/prague-calendar.js';

/** Prague calendar dates, both inclusive. */
export type StatsRange = { from: LocalDate; to: LocalDate };

export interface StatsRepo {
  /** Brings the per-day summaries up to date with every committed order change; call before reading. */
  refresh(): Promise<void>;
  /**
   * Orders grouped per bucket (day, ISO week or month, each labelled by its first day in the range) × status × shipping
   * × payment method (all statuses).
   */
  orderDays(range: StatsRange, grain: Grain): Promise<OrderDayGroup[]>;
  /**
   * Items of orders not cancelled (unless included): their gross per bucket (as above) and VAT rate, and per SKU and VAT rate
   * with the categories of the SKU's product.
   */
  items(range: StatsRange, includeCancelled: boolean, grain: Grain): Promise<{ days: ItemDayGroup[]; variants: VariantSales[] }>;
  /** Distinct customers (registered id, or guest email ignoring case) with orders in the range, and how many ordered before it. */
  customers(range: StatsRange, includeCancelled: boolean): Promise<{ customers: number; returning: number }>;
}
