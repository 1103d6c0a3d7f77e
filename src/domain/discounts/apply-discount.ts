/**
 * What a discount code takes off an order: a percentage or a fixed amount of the goods it applies to (never more than
 * they cost), split among their VAT rates in proportion to each rate's gross so the tax stays right (§ 42 ZDPH), or
 * the shipping. The split adds up to the discount to the haléř.
 */
import { allocate } from '../money/allocate.js';
import { roundMinor } from '../money/money.js';
import type { DiscountKind } from './discount-code.js';

export type DiscountTerms = {
  code: string;
  kind: DiscountKind;
  value: number;
  /** SKUs of the goods the code applies to; null: every item. */
  eligibleSkus: ReadonlySet<string> | null;
};

export type OrderDiscount = {
  code: string;
  kind: DiscountKind;
  value: number;
  /** What the customer saves, in haléře (the shipping price for free shipping). */
  amount: number;
  /** The goods' discount per VAT rate, highest rate first (negative lines on documents); empty for free shipping. */
  lines: { vatRate: number; amount: number }[];
};

type Line = { sku: string; vatRate: number; total: number };

/** The discount on these lines, or null when the code applies to none of them. */
export function discountOf(terms: DiscountTerms, lines: readonly Line[], shippingPrice: number): OrderDiscount | null {
  const eligible = lines.filter((l) => terms.eligibleSkus === null || terms.eligibleSkus.has(l.sku));
  if (eligible.length === 0) return null;
  const head = { code: terms.code, kind: terms.kind, value: terms.value };
  if (terms.kind === 'free_shipping') return { ...head, amount: shippingPrice, lines: [] };
  const byRate = new Map<number, number>();
  for (const l of eligible) byRate.set(l.vatRate, (byRate.get(l.vatRate) ?? 0) + l.total);
  const rates = [...byRate].sort(([a], [b]) => b - a);
  const base = rates.reduce((sum, [, gross]) => sum + gross, 0);
  const amount = terms.kind === 'percent' ? roundMinor((base * terms.value) / 100) : Math.min(terms.value, base);
  const shares = allocate(amount, rates.map(([, gross]) => gross));
  return { ...head, amount, lines: rates.map(([vatRate], i) => ({ vatRate, amount: shares[i]! })).filter((l) => l.amount > 0) };
}

/** The goods' part of a discount (free shipping takes nothing off the goods). */
export const goodsDiscount = (discount: Pick<OrderDiscount, 'lines'> | null): number => (discount ? discount.lines.reduce((sum, l) => sum + l.amount, 0) : 0);

/** Lines a document lists for a discount: one negative line per VAT rate. */
export const discountVatLines = (discount: Pick<OrderDiscount, 'lines'> | null): { gross: number; vatRate: number }[] => (discount ? discount.lines.map((l) => ({ gross: -l.amount, vatRate: l.vatRate })) : []);
