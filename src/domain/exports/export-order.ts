/** An order as every export format sees it (the order, its parcels and its history), and the figures the formats share. */
import { vatSummary, totalsOf, type VatSummaryRow } from '../money/vat.js';
import type { OrderDiscount } from '../discounts/apply-discount.js';
import { discountLineName } from '../discounts/discount-label.js';

export type ExportAddress = { street: string; city: string; zip: string; country: string };

export type ExportItem = { sku: string; name: string; quantity: number; unitPrice: number; vatRate: number; total: number };

export type ExportOrder = {
  id: number;
  number: string;
  status: string;
  paymentStatus: string;
  createdAt: string;
  locale: string;
  customer: { email: string; name: string; phone: string | null; company: string | null; ico: string | null; dic: string | null };
  billingAddress: ExportAddress;
  shippingAddress: ExportAddress | null;
  shipping: { code: string; name: string; carrier: string; price: number; vatRate: number };
  payment: { code: string; kind: string; name: string; price: number; vatRate: number };
  variableSymbol: string;
  note: string | null;
  itemsTotal: number;
  /** A discount code's discount: negative lines per VAT rate after the items (see exportLines). */
  discount: OrderDiscount | null;
  total: number;
  currency: string;
  items: ExportItem[];
  parcels: { carrier: string; trackingNumber: string; createdAt: string }[];
  /** The customer-facing history (status and payment changes, parcels, emails, exports); internal notes are left out. */
  history: { at: string; kind: string; statusFrom: string | null; statusTo: string | null; text: string }[];
};

/** Who exports: the shop's identity for document headers. */
export type ExportShop = { name: string; legalName: string; ico: string; dic: string; street: string; city: string; zip: string; country: string; email: string; phone: string; web: string };

export type ExportLine = { kind: 'item' | 'discount' | 'shipping' | 'payment'; sku: string; name: string; quantity: number; unitPrice: number; vatRate: number; total: number };

/** Items, a discount as a negative line per VAT rate, then shipping and payment when they cost something: the priced lines whose sum is the order total. */
export function exportLines(order: ExportOrder): ExportLine[] {
  const lines: ExportLine[] = order.items.map((i) => ({ kind: 'item', ...i }));
  const discount = order.discount;
  for (const d of discount ? discount.lines : []) {
    lines.push({ kind: 'discount', sku: discount!.code, name: discountLineName(discount!, order.locale === 'en' ? 'en' : 'cs'), quantity: 1, unitPrice: -d.amount, vatRate: d.vatRate, total: -d.amount });
  }
  if (order.shipping.price !== 0) lines.push({ kind: 'shipping', sku: order.shipping.code, name: order.shipping.name, quantity: 1, unitPrice: order.shipping.price, vatRate: order.shipping.vatRate, total: order.shipping.price });
  if (order.payment.price !== 0) lines.push({ kind: 'payment', sku: order.payment.code, name: order.payment.name, quantity: 1, unitPrice: order.payment.price, vatRate: order.payment.vatRate, total: order.payment.price });
  return lines;
}

export function exportVatSummary(order: ExportOrder): { rows: VatSummaryRow[]; base: number; vat: number; gross: number } {
  const rows = vatSummary(exportLines(order).map((l) => ({ gross: l.total, vatRate: l.vatRate })));
  return { rows, ...totalsOf(rows) };
}

/** Minor units as a decimal with a dot and two places (`14900` → `149.00`), as XML number types expect. */
export function decimal(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

const PRAGUE_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Prague', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day of an instant in Prague (`YYYY-MM-DD`): an order placed at 00:30 Prague time belongs to that day. */
export function pragueDate(iso: string): string {
  // Prague's offset changes only on whole hours, so the day is the same for every instant within one UTC hour.
  const hour = iso.slice(0, 13);
  let day = dayOfHour.get(hour);
  if (day === undefined) {
    day = PRAGUE_DATE.format(new Date(iso));
    if (dayOfHour.size > 10_000) dayOfHour.clear();
    dayOfHour.set(hour, day);
  }
  return day;
}
const dayOfHour = new Map<string, string>();

/** Cuts a text to `max` characters (by code points, so an emoji is never split), for fixed-length fields of accounting formats. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  return Array.from(text).slice(0, max).join('');
}
