/** The cart's rules: each line re-checked against today's catalogue (price, stock, still sold) and the totals. */
import { vatSummary, type VatSummaryRow } from '../money/vat.js';

export const MAX_QUANTITY = 999;
export const MAX_LINES = 100;

export type CartLine = { variantId: number; quantity: number; seenPrice: number };

/** A variant as the catalogue has it now. */
export type CartVariant = { variantId: number; sku: string; name: string; productSlug: string; price: number; vatRate: number; stock: number; active: boolean; /** The product's first image, for the cart's thumbnail. */ imageKey?: string | null; weightGrams?: number | null };

export type CartIssue =
  | { kind: 'unavailable' }
  | { kind: 'out_of_stock' }
  | { kind: 'short'; available: number }
  | { kind: 'price_changed'; from: number; to: number };

export type CartItem = {
  variantId: number;
  sku: string;
  name: string;
  productSlug: string;
  imageKey: string | null;
  quantity: number;
  unitPrice: number;
  vatRate: number;
  total: number;
  /** One piece's weight in grams (null: not given). */
  weightGrams: number | null;
  issues: CartIssue[];
};

export type CartReview = {
  items: CartItem[];
  /** Pieces in the cart (what the header shows). */
  count: number;
  itemsTotal: number;
  vat: VatSummaryRow[];
  /** False while a line cannot be ordered as it stands (gone, sold out, fewer in stock than wanted). */
  orderable: boolean;
};

/** A quantity typed into a form: a whole number from 1 to 999, else null. */
export function parseQuantity(raw: unknown): number | null {
  const text = typeof raw === 'string' ? raw.trim() : typeof raw === 'number' ? String(raw) : '';
  if (!/^\d{1,3}$/.test(text)) return null;
  const n = Number(text);
  return n >= 1 && n <= MAX_QUANTITY ? n : null;
}

/** Blocking issues stop the checkout until the customer fixes the line; a price change is only pointed out. */
export const isBlocking = (issue: CartIssue) => issue.kind !== 'price_changed';

export function reviewCart(lines: readonly CartLine[], variants: readonly CartVariant[]): CartReview {
  const byId = new Map(variants.map((v) => [v.variantId, v]));
  const items: CartItem[] = [];
  for (const line of lines) {
    const v = byId.get(line.variantId);
    if (!v) continue; // deleted from the catalogue: nothing left to show or order
    const issues: CartIssue[] = [];
    if (!v.active) issues.push({ kind: 'unavailable' });
    else if (v.stock <= 0) issues.push({ kind: 'out_of_stock' });
    else if (v.stock < line.quantity) issues.push({ kind: 'short', available: v.stock });
    if (v.price !== line.seenPrice) issues.push({ kind: 'price_changed', from: line.seenPrice, to: v.price });
    items.push({ variantId: v.variantId, sku: v.sku, name: v.name, productSlug: v.productSlug, imageKey: v.imageKey ?? null, quantity: line.quantity, unitPrice: v.price, vatRate: v.vatRate, total: v.price * line.quantity, weightGrams: v.weightGrams ?? null, issues });
  }
  const itemsTotal = items.reduce((sum, i) => sum + i.total, 0);
  return {
    items,
    count: items.reduce((sum, i) => sum + i.quantity, 0),
    itemsTotal,
    vat: vatSummary(items.map((i) => ({ gross: i.total, vatRate: i.vatRate }))),
    orderable: items.length > 0 && items.every((i) => !i.issues.some(isBlocking)),
  };
}
