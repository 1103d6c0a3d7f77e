/**
 * Tax documents (VAT Act § 28–30, § 45): an invoice or a credit note as issued — a frozen snapshot of the parties,
 * lines and VAT recapitulation — and the rules that build one from an order: its lines, the VAT of each line
 * (allocated so that the lines of a rate add up to that rate's recapitulation), the date of taxable supply, and
 * whether a simplified document may be issued.
 */
import { vatSummary, type VatSummaryRow } from '../money/vat.js';
import type { DocumentKind } from './document-number.js';
import type { OrderDiscount } from '../discounts/apply-discount.js';
import { discountLineName } from '../discounts/discount-label.js';

export type { DocumentKind };
export type InvoiceLocale = 'cs' | 'en';
export type InvoiceAddress = { street: string; city: string; zip: string; country: string };

export type InvoiceSeller = { name: string; legalName: string; ico: string; dic: string; address: InvoiceAddress; email: string; phone: string; web: string };
export type InvoiceBuyer = { name: string; company: string | null; ico: string | null; dic: string | null; email: string; phone: string | null; billingAddress: InvoiceAddress; shippingAddress: InvoiceAddress | null };
export type InvoiceBankAccount = { label: string; number: string; iban: string; bic: string };

export type InvoiceLineKind = 'item' | 'discount' | 'shipping' | 'payment' | 'amount';

/**
 * One line; amounts in haléře, VAT-inclusive `unitPrice` and `total` as the shop quotes them. On a credit note the
 * quantity and every amount but the unit price are negative (the correction), and `invoiceLine` names the line of the
 * invoice it corrects (null for a correction by amount).
 */
export type InvoiceLine = { no: number; kind: InvoiceLineKind; sku: string; name: string; quantity: number; unitPrice: number; vatRate: number; total: number; base: number; vat: number; invoiceLine: number | null };

export type VatRecapRow = VatSummaryRow;

/** What a document says, frozen at issue: later changes of Configuration or of the order never reach it. */
export type InvoiceContent = {
  seller: InvoiceSeller;
  buyer: InvoiceBuyer;
  lines: InvoiceLine[];
  vat: VatRecapRow[];
  payment: { kind: string; name: string };
  order: { number: string; createdAt: string };
  bankAccounts: InvoiceBankAccount[];
  /** The corrected invoice (credit notes only). */
  original: { id: number; number: string; issueDate: string; uuid: string } | null;
};

export type Invoice = {
  id: number;
  kind: DocumentKind;
  number: string;
  orderId: number;
  orderNumber: string;
  /** The corrected invoice of a credit note; null on an invoice. */
  invoiceId: number | null;
  simplified: boolean;
  vatPayer: boolean;
  locale: InvoiceLocale;
  /** ISO instant. */
  issuedAt: string;
  /** Europe/Prague calendar days, `YYYY-MM-DD`. */
  issueDate: string;
  taxableDate: string;
  dueDate: string | null;
  variableSymbol: string;
  /** Haléře; negative on a credit note. */
  total: number;
  currency: 'CZK';
  reason: string | null;
  /** Sum (positive) of the credit notes issued to an invoice so far; 0 on a credit note. */
  creditedTotal: number;
  uuid: string;
  issuedBy: string;
  content: InvoiceContent;
};

/**
 * The gross lines of an order, in the order the customer saw them: the items, a discount code's discount as a negative
 * line per VAT rate, then shipping and payment only when they cost something.
 */
export type OrderForInvoice = {
  items: { sku: string; name: string; quantity: number; unitPrice: number; vatRate: number; total: number }[];
  shipping: { code: string; name: string; price: number; vatRate: number };
  payment: { code: string; name: string; price: number; vatRate: number };
  discount?: (Pick<OrderDiscount, 'code' | 'kind' | 'value' | 'lines'>) | null;
  locale?: InvoiceLocale;
};

type GrossLine = Omit<InvoiceLine, 'base' | 'vat'>;

export function orderLines(order: OrderForInvoice, vatPayer: boolean): GrossLine[] {
  // A shop that is not a VAT payer charges no VAT: every line is outside VAT, whatever rate the catalogue holds.
  const rate = (r: number) => (vatPayer ? r : 0);
  const lines: GrossLine[] = order.items.map((i) => ({ no: 0, kind: 'item', sku: i.sku, name: i.name, quantity: i.quantity, unitPrice: i.unitPrice, vatRate: rate(i.vatRate), total: i.total, invoiceLine: null }));
  const discount = order.discount;
  for (const d of discount ? discount.lines : []) {
    lines.push({ no: 0, kind: 'discount', sku: discount!.code, name: discountLineName(discount!, order.locale ?? 'cs'), quantity: 1, unitPrice: -d.amount, vatRate: rate(d.vatRate), total: -d.amount, invoiceLine: null });
  }
  for (const [kind, m] of [['shipping', order.shipping], ['payment', order.payment]] as const) {
    if (m.price !== 0) lines.push({ no: 0, kind, sku: m.code, name: m.name, quantity: 1, unitPrice: m.price, vatRate: rate(m.vatRate), total: m.price, invoiceLine: null });
  }
  return lines.map((l, i) => ({ ...l, no: i + 1 }));
}

/**
 * The VAT recapitulation (one row per rate, from that rate's total, § 37) and every line's base and VAT: the rate's
 * VAT is shared among its lines by largest remainder, so the lines of each rate add up to its row exactly.
 */
export function withVat(lines: readonly GrossLine[]): { lines: InvoiceLine[]; vat: VatRecapRow[] } {
  const vat = vatSummary(lines.map((l) => ({ gross: l.total, vatRate: l.vatRate })));
  const out = lines.map((l) => ({ ...l, base: l.total, vat: 0 }));
  for (const row of vat) {
    const members = out.filter((l) => l.vatRate === row.rate);
    const exact = members.map((l) => (l.total * row.rate) / (100 + row.rate));
    const shares = exact.map((e) => Math.round(e));
    let diff = row.vat - shares.reduce((a, b) => a + b, 0);
    const order = members.map((_, i) => i).sort((a, b) => (diff > 0 ? exact[b]! - shares[b]! - (exact[a]! - shares[a]!) : exact[a]! - shares[a]! - (exact[b]! - shares[b]!)));
    for (let k = 0; diff !== 0 && members.length > 0; k = (k + 1) % members.length) {
      const i = order[k]!;
      shares[i]! += Math.sign(diff);
      diff -= Math.sign(diff);
    }
    members.forEach((l, i) => {
      l.vat = shares[i]!;
      l.base = l.total - shares[i]!;
    });
  }
  return { lines: out, vat };
}

/** The limit of a simplified tax document (§ 30): 10 000 Kč including VAT. */
export const SIMPLIFIED_LIMIT = 1_000_000;

/**
 * A simplified document when the owner allows them, the shop is a VAT payer and the total is at most 10 000 Kč — but
 * never for a business customer (IČO or DIČ given), who needs a full invoice for the deduction of VAT.
 */
export function mayBeSimplified(input: { allowed: boolean; vatPayer: boolean; total: number; buyer: { ico: string | null; dic: string | null } }): boolean {
  return input.allowed && input.vatPayer && Math.abs(input.total) <= SIMPLIFIED_LIMIT && !input.buyer.ico && !input.buyer.dic;
}

/**
 * The date of taxable supply (DUZP, § 21): the earlier of the day the payment was received and the day the goods
 * were shipped (handed to the carrier); the issue date when neither has happened yet. Prague calendar days.
 */
export function taxableSupplyDate(input: { paidOn: string | null; shippedOn: string | null; issueDate: string }): string {
  const known = [input.paidOn, input.shippedOn].filter((d): d is string => d !== null).sort();
  return known[0] ?? input.issueDate;
}

/** The shop is a VAT payer when Configuration holds its DIČ (the Configuration hint says to leave it empty otherwise). */
export const isVatPayer = (shop: { dic: string }): boolean => shop.dic.trim() !== '';
