/**
 * Statistics from per-day aggregates: revenue with and without VAT per day, week or month, shares and top lists.
 * VAT follows domain/money/vat.ts on grouped sums: each bucket's gross per rate is split once (base = gross − VAT),
 * so the figures are exact integers and a bucket's net is what a VAT summary of its sales per rate would say.
 */
import { splitGross } from '../money/vat.js';
import { roundMinor } from '../money/money.js';
import { ORDER_STATUSES, type OrderStatus } from '../orders/order-status.js';
import { addDays, daysBetween, monthOf, weekStart, type LocalDate } from './prague-calendar.js';

export type Grain = 'day' | 'week' | 'month';
export const GRAINS: readonly Grain[] = ['day', 'week', 'month'];

/** One database group of orders: a Prague day × status × shipping × payment method (with their VAT rates). */
export type OrderDayGroup = {
  day: LocalDate;
  status: string;
  shippingCode: string;
  shippingName: string;
  shippingRate: number;
  paymentCode: string;
  paymentName: string;
  paymentRate: number;
  orders: number;
  total: number;
  shipping: number;
  payment: number;
};
/** Items' gross of the counted orders per Prague day and VAT rate. */
export type ItemDayGroup = { day: LocalDate; rate: number; gross: number };
/** Items' gross per sold variant (SKU) of the counted orders, with the categories of its product. */
export type VariantSales = { sku: string; name: string; rate: number; quantity: number; gross: number; categories: { id: number; name: string }[] };

export type RevenueBucket = { key: string; from: LocalDate; to: LocalDate; orders: number; gross: number; net: number; vat: number };
export type Share = { code: string; name: string; orders: number; gross: number; percent: number };
export type StatusRow = { status: OrderStatus; orders: number; gross: number };
export type RankedSales = { key: string; name: string; quantity: number; gross: number; net: number };

export const counted = (status: string, includeCancelled: boolean) => includeCancelled || status !== 'cancelled';

const bucketOf = (day: LocalDate, grain: Grain) => (grain === 'day' ? day : grain === 'week' ? weekStart(day) : monthOf(day));

/** Every bucket of the range, empty ones included (charts and tables show the gaps), clipped to the range. */
export function revenueBuckets(range: { from: LocalDate; to: LocalDate }, grain: Grain, groups: readonly OrderDayGroup[], items: readonly ItemDayGroup[], includeCancelled: boolean): RevenueBucket[] {
  const buckets = new Map<string, { from: LocalDate; to: LocalDate; orders: number; byRate: Map<number, number> }>();
  for (let i = 0, n = daysBetween(range.from, range.to); i <= n; i++) {
    const day = addDays(range.from, i);
    const key = bucketOf(day, grain);
    const bucket = buckets.get(key);
    if (bucket) bucket.to = day;
    else buckets.set(key, { from: day, to: day, orders: 0, byRate: new Map() });
  }
  const add = (day: LocalDate, rate: number, gross: number) => {
    const bucket = buckets.get(bucketOf(day, grain));
    if (bucket) bucket.byRate.set(rate, (bucket.byRate.get(rate) ?? 0) + gross);
  };
  for (const g of groups) {
    if (!counted(g.status, includeCancelled)) continue;
    const bucket = buckets.get(bucketOf(g.day, grain));
    if (bucket) bucket.orders += g.orders;
    add(g.day, g.shippingRate, g.shipping);
    add(g.day, g.paymentRate, g.payment);
  }
  for (const item of items) add(item.day, item.rate, item.gross);
  return [...buckets.entries()].map(([key, b]) => {
    let gross = 0;
    let vat = 0;
    for (const [rate, sum] of b.byRate) {
      const split = splitGross(sum, rate);
      gross += split.gross;
      vat += split.vat;
    }
    return { key, from: b.from, to: b.to, orders: b.orders, gross, net: gross - vat, vat };
  });
}

/** Totals over the whole range, split per rate once over the range (not a sum of per-bucket roundings). */
export function rangeTotals(groups: readonly OrderDayGroup[], items: readonly ItemDayGroup[], includeCancelled: boolean) {
  const byRate = new Map<number, number>();
  const add = (rate: number, gross: number) => byRate.set(rate, (byRate.get(rate) ?? 0) + gross);
  let orders = 0;
  for (const g of groups) {
    if (!counted(g.status, includeCancelled)) continue;
    orders += g.orders;
    add(g.shippingRate, g.shipping);
    add(g.paymentRate, g.payment);
  }
  for (const item of items) add(item.rate, item.gross);
  const perRate = [...byRate.entries()].sort(([a], [b]) => b - a).map(([rate, gross]) => ({ rate, ...splitGross(gross, rate) }));
  const gross = perRate.reduce((s, r) => s + r.gross, 0);
  const vat = perRate.reduce((s, r) => s + r.vat, 0);
  return { orders, gross, vat, net: gross - vat, perRate, averageOrder: orders ? roundMinor(gross / orders) : 0 };
}

/** Every status with its count and order totals — cancelled included, since this table is about statuses. */
export function statusRows(groups: readonly OrderDayGroup[]): StatusRow[] {
  const rows = new Map(ORDER_STATUSES.map((s) => [s, { status: s, orders: 0, gross: 0 }]));
  for (const g of groups) {
    const row = rows.get(g.status as OrderStatus);
    if (row) {
      row.orders += g.orders;
      row.gross += g.total;
    }
  }
  return [...rows.values()];
}

/** Payment or shipping methods by number of orders, with each one's share of the counted orders. */
export function methodShares(groups: readonly OrderDayGroup[], kind: 'payment' | 'shipping', includeCancelled: boolean): Share[] {
  const shares = new Map<string, Share>();
  let all = 0;
  for (const g of groups) {
    if (!counted(g.status, includeCancelled)) continue;
    const code = kind === 'payment' ? g.paymentCode : g.shippingCode;
    const share = shares.get(code) ?? { code, name: kind === 'payment' ? g.paymentName : g.shippingName, orders: 0, gross: 0, percent: 0 };
    share.orders += g.orders;
    share.gross += g.total;
    shares.set(code, share);
    all += g.orders;
  }
  return [...shares.values()].map((s) => ({ ...s, percent: all ? Math.round((s.orders / all) * 1000) / 10 : 0 })).sort((a, b) => b.orders - a.orders || a.code.localeCompare(b.code));
}

/** The best-selling variants by gross revenue. */
export function topProducts(sales: readonly VariantSales[], limit: number): RankedSales[] {
  return sales
    .map((s) => ({ key: s.sku, name: s.name, quantity: s.quantity, gross: s.gross, net: splitGross(s.gross, s.rate).base }))
    .sort((a, b) => b.gross - a.gross || a.key.localeCompare(b.key))
    .slice(0, limit);
}

/**
 * The best-selling categories by gross revenue of their products' items; a product in two categories counts in both,
 * items of uncategorised or deleted products in none. Net per category: its gross per rate, split once per rate.
 */
export function topCategories(sales: readonly VariantSales[], limit: number): RankedSales[] {
  const categories = new Map<number, { name: string; quantity: number; byRate: Map<number, number> }>();
  for (const s of sales) {
    for (const c of s.categories) {
      const row = categories.get(c.id) ?? { name: c.name, quantity: 0, byRate: new Map<number, number>() };
      row.quantity += s.quantity;
      row.byRate.set(s.rate, (row.byRate.get(s.rate) ?? 0) + s.gross);
      categories.set(c.id, row);
    }
  }
  return [...categories.entries()]
    .map(([id, c]) => {
      const splits = [...c.byRate.entries()].map(([rate, gross]) => splitGross(gross, rate));
      return { key: String(id), name: c.name, quantity: c.quantity, gross: splits.reduce((s, x) => s + x.gross, 0), net: splits.reduce((s, x) => s + x.base, 0) };
    })
    .sort((a, b) => b.gross - a.gross || a.name.localeCompare(b.name))
    .slice(0, limit);
}

/** The grain that keeps a chart readable: days up to two months, weeks up to half a year, then months. */
export function defaultGrain(range: { from: LocalDate; to: LocalDate }): Grain {
  const days = daysBetween(range.from, range.to) + 1;
  return days <= 62 ? 'day' : days <= 190 ? 'week' : 'month';
}
