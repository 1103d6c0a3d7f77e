/**
 * What a credit note (opravný daňový doklad, § 45) corrects: the whole rest of an invoice, some lines (a quantity of
 * each), or an amount (of one VAT rate, or shared among the rates by what is left of each). Never more than is left
 * to correct — of a line, of a rate, or of the invoice — and always with a reason.
 */
import { DomainError } from '../errors.js';
import { roundMinor } from '../money/money.js';
import { withVat, type InvoiceLine, type VatRecapRow } from './invoice.js';

export type CreditRequest = { reason?: unknown; lines?: unknown; amount?: unknown; vatRate?: unknown };
type Credited = Pick<InvoiceLine, 'quantity' | 'total' | 'vatRate' | 'invoiceLine'>;

const invalid = (field: string, code: string): DomainError => new DomainError('validation', `credit note: ${code}`, { [field]: code });

export function creditReason(value: unknown): string {
  const reason = typeof value === 'string' ? value.replace(/\r\n?/g, '\n').trim() : '';
  if (!reason) throw invalid('reason', 'credit_reason_required');
  if (reason.length > 500) throw invalid('reason', 'too_long');
  return reason;
}

/** What is left to correct: per invoice line (quantity and gross), per VAT rate, and in all. */
export function remainingOf(invoice: { lines: readonly InvoiceLine[]; vat: readonly VatRecapRow[]; total: number }, credited: readonly Credited[]) {
  const lines = invoice.lines.map((l) => {
    const mine = credited.filter((c) => c.invoiceLine === l.no);
    return { line: l, quantity: l.quantity + mine.reduce((s, c) => s + c.quantity, 0), gross: l.total + mine.reduce((s, c) => s + c.total, 0) };
  });
  const rates = new Map(invoice.vat.map((r) => [r.rate, r.gross + credited.filter((c) => c.vatRate === r.rate).reduce((s, c) => s + c.total, 0)]));
  const total = invoice.total + credited.reduce((s, c) => s + c.total, 0);
  return { lines, rates, total, byAmount: credited.some((c) => c.invoiceLine === null) };
}

type Remaining = ReturnType<typeof remainingOf>;
type GrossLine = Omit<InvoiceLine, 'base' | 'vat'>;

const amountLine = (gross: number, vatRate: number, name: string): GrossLine => ({ no: 0, kind: 'amount', sku: '', name, quantity: -1, unitPrice: gross, vatRate, total: -gross, invoiceLine: null });

function requestedLines(raw: unknown, remaining: Remaining): GrossLine[] {
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > 500) throw invalid('lines', 'invalid_value');
  const seen = new Set<number>();
  return raw.map((entry: unknown, i) => {
    const e = (entry && typeof entry === 'object' ? entry : {}) as { line?: unknown; quantity?: unknown };
    const left = remaining.lines.find((l) => l.line.no === e.line);
    if (!left || seen.has(left.line.no)) throw invalid(`lines.${i}.line`, 'credit_line_unknown');
    seen.add(left.line.no);
    const quantity = e.quantity;
    if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1) throw invalid(`lines.${i}.quantity`, 'credit_quantity_invalid');
    if (quantity > left.quantity) throw invalid(`lines.${i}.quantity`, 'credit_exceeds_invoice');
    const { line } = left;
    // The last units of a line take whatever is left of it, so crediting a line piece by piece ends exactly at zero.
    const gross = quantity === left.quantity ? left.gross : roundMinor((line.total * quantity) / line.quantity);
    return { no: 0, kind: line.kind, sku: line.sku, name: line.name, quantity: -quantity, unitPrice: line.unitPrice, vatRate: line.vatRate, total: -gross, invoiceLine: line.no };
  });
}

function requestedAmount(raw: unknown, rawRate: unknown, remaining: Remaining, name: string): GrossLine[] {
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 1) throw invalid('amount', 'credit_amount_invalid');
  if (raw > remaining.total) throw invalid('amount', 'credit_exceeds_invoice');
  if (rawRate !== undefined && rawRate !== null) {
    const left = typeof rawRate === 'number' ? remaining.rates.get(rawRate) : undefined;
    if (left === undefined || left <= 0) throw invalid('vatRate', 'credit_rate_unknown');
    if (raw > left) throw invalid('amount', 'credit_exceeds_invoice');
    return [amountLine(raw, rawRate as number, name)];
  }
  // Shared among the rates in proportion to what is left of each (largest remainder, so the parts add up).
  const rates = [...remaining.rates.entries()].filter(([, left]) => left > 0);
  const exact = rates.map(([, left]) => (raw * left) / remaining.total);
  const parts = exact.map(Math.floor);
  let rest = raw - parts.reduce((a, b) => a + b, 0);
  for (const i of exact.map((e, i) => i).sort((a, b) => exact[b]! - parts[b]! - (exact[a]! - parts[a]!))) {
    if (rest === 0) break;
    parts[i]! += 1;
    rest -= 1;
  }
  return rates.map(([rate], i) => amountLine(parts[i]!, rate, name)).filter((l) => l.total !== 0);
}

function wholeRest(remaining: Remaining, name: string): GrossLine[] {
  // After a correction by amount, lines no longer say what is left of each rate: the rest is corrected per rate.
  if (remaining.byAmount) return [...remaining.rates.entries()].filter(([, left]) => left > 0).map(([rate, left]) => amountLine(left, rate, name));
  // A discount line (negative) is credited back with the goods, so the whole rest of each rate comes to zero.
  return remaining.lines
    .filter((l) => l.quantity > 0 && l.gross !== 0)
    .map((l) => ({ no: 0, kind: l.line.kind, sku: l.line.sku, name: l.line.name, quantity: -l.quantity, unitPrice: l.line.unitPrice, vatRate: l.line.vatRate, total: -l.gross, invoiceLine: l.line.no }));
}

/** The lines and VAT recapitulation of a new credit note; `amountName` names a correction by amount on the document. */
export function creditNoteLines(invoice: { lines: readonly InvoiceLine[]; vat: readonly VatRecapRow[]; total: number }, credited: readonly Credited[], request: CreditRequest, amountName: string) {
  const remaining = remainingOf(invoice, credited);
  if (remaining.total <= 0) throw new DomainError('invoice_credited', 'invoice fully credited');
  const hasLines = request.lines !== undefined && request.lines !== null;
  const hasAmount = request.amount !== undefined && request.amount !== null;
  if (hasLines && hasAmount) throw invalid('amount', 'credit_lines_or_amount');
  const gross = hasLines ? requestedLines(request.lines, remaining) : hasAmount ? requestedAmount(request.amount, request.vatRate, remaining, amountName) : wholeRest(remaining, amountName);
  // A rate can never be corrected below zero, even by lines, once an amount was credited from it.
  for (const [rate, left] of remaining.rates) {
    if (-gross.filter((l) => l.vatRate === rate).reduce((s, l) => s + l.total, 0) > left) throw invalid(hasAmount ? 'amount' : 'lines', 'credit_exceeds_invoice');
  }
  const { lines, vat } = withVat(gross.map((l, i) => ({ ...l, no: i + 1 })));
  const total = lines.reduce((s, l) => s + l.total, 0);
  return { lines, vat, total, fully: remaining.total + total === 0 };
}
