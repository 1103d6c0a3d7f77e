/** An independent computation of the statistics from raw order rows in plain TypeScript, to check the database's sums. */
import type { Db } from '../../src/adapters/db/kysely.js';

export type RawOrder = { id: number; status: string; customer_id: number | null; email: string; total: number; shipping_price: number; shipping_vat_rate: number; shipping_code: string; payment_price: number; payment_vat_rate: number; payment_code: string; created_at: string };
export type RawItem = { order_id: number; sku: string; variant_id: number | null; vat_rate: number; quantity: number; total: number };
export type Raw = { orders: RawOrder[]; items: RawItem[]; categoriesOfVariant: Map<number, number[]> };

const LOCAL = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Prague', year: 'numeric', month: '2-digit', day: '2-digit' });
export const localDate = (iso: string) => LOCAL.format(new Date(iso));

export async function readRaw(db: Db): Promise<Raw> {
  const orders = (await db.selectFrom('orders').select(['id', 'status', 'customer_id', 'email', 'total', 'shipping_price', 'shipping_vat_rate', 'shipping_code', 'payment_price', 'payment_vat_rate', 'payment_code', 'created_at']).execute()).map((o) => ({ ...o, id: Number(o.id), customer_id: o.customer_id === null ? null : Number(o.customer_id) }));
  const items = (await db.selectFrom('order_items').select(['order_id', 'sku', 'variant_id', 'vat_rate', 'quantity', 'total']).execute()).map((i) => ({ ...i, order_id: Number(i.order_id), variant_id: i.variant_id === null ? null : Number(i.variant_id) }));
  const links = await db.selectFrom('variants').innerJoin('product_categories', 'product_categories.product_id', 'variants.product_id').select(['variants.id', 'product_categories.category_id']).execute();
  const categoriesOfVariant = new Map<number, number[]>();
  for (const l of links) categoriesOfVariant.set(Number(l.id), [...(categoriesOfVariant.get(Number(l.id)) ?? []), Number(l.category_id)]);
  return { orders, items, categoriesOfVariant };
}

/** VAT of a gross amount at a rate, rounded half up to whole haléře (amounts here are positive). */
const vatOf = (gross: number, rate: number) => Math.floor((gross * rate) / (100 + rate) + 0.5);

export function expected(raw: Raw, from: string, to: string, includeCancelled: boolean) {
  const inRange = (o: RawOrder) => localDate(o.created_at) >= from && localDate(o.created_at) <= to;
  const counts = (o: RawOrder) => includeCancelled || o.status !== 'cancelled';
  const orders = raw.orders.filter((o) => inRange(o) && counts(o));
  const ids = new Set(orders.map((o) => o.id));
  const items = raw.items.filter((i) => ids.has(i.order_id));
  const perDayRate = new Map<string, Map<number, number>>();
  const add = (day: string, rate: number, gross: number) => {
    const m = perDayRate.get(day) ?? new Map<number, number>();
    m.set(rate, (m.get(rate) ?? 0) + gross);
    perDayRate.set(day, m);
  };
  const dayOf = new Map(orders.map((o) => [o.id, localDate(o.created_at)]));
  for (const o of orders) {
    add(localDate(o.created_at), o.shipping_vat_rate, o.shipping_price);
    add(localDate(o.created_at), o.payment_vat_rate, o.payment_price);
  }
  for (const i of items) add(dayOf.get(i.order_id)!, i.vat_rate, i.total);
  const days = new Map<string, { orders: number; gross: number; net: number }>();
  for (const o of orders) {
    const d = days.get(localDate(o.created_at)) ?? { orders: 0, gross: 0, net: 0 };
    d.orders++;
    days.set(localDate(o.created_at), d);
  }
  for (const [day, rates] of perDayRate) {
    const d = days.get(day)!;
    for (const [rate, gross] of rates) {
      d.gross += gross;
      d.net += gross - vatOf(gross, rate);
    }
  }
  const rangeRates = new Map<number, number>();
  for (const rates of perDayRate.values()) for (const [rate, gross] of rates) rangeRates.set(rate, (rangeRates.get(rate) ?? 0) + gross);
  const gross = orders.reduce((s, o) => s + o.total, 0);
  const net = [...rangeRates].reduce((s, [rate, g]) => s + g - vatOf(g, rate), 0);

  const statuses: Record<string, number> = {};
  for (const o of raw.orders.filter(inRange)) statuses[o.status] = (statuses[o.status] ?? 0) + 1;
  const methods = (key: 'payment_code' | 'shipping_code') => {
    const m: Record<string, number> = {};
    for (const o of orders) m[o[key]] = (m[o[key]] ?? 0) + 1;
    return m;
  };
  const skus = new Map<string, { gross: number; quantity: number }>();
  const categories = new Map<number, number>();
  for (const i of items) {
    const s = skus.get(i.sku) ?? { gross: 0, quantity: 0 };
    s.gross += i.total;
    s.quantity += i.quantity;
    skus.set(i.sku, s);
    for (const c of raw.categoriesOfVariant.get(i.variant_id ?? -1) ?? []) categories.set(c, (categories.get(c) ?? 0) + i.total);
  }
  // New: the customer's first counted order ever lies in the range; keys: registered id, else the email ignoring case.
  const keyOf = (o: RawOrder) => (o.customer_id !== null ? `c${o.customer_id}` : `e${o.email.toLowerCase()}`);
  const first = new Map<string, string>();
  for (const o of raw.orders.filter(counts)) if (!first.has(keyOf(o)) || o.created_at < first.get(keyOf(o))!) first.set(keyOf(o), o.created_at);
  const customers = new Set(orders.map(keyOf));
  const fresh = [...customers].filter((k) => localDate(first.get(k)!) >= from).length;
  return { orders: orders.length, gross, net, days, statuses, payments: methods('payment_code'), shippings: methods('shipping_code'), skus, categories, customers: { new: fresh, returning: customers.size - fresh } };
}
