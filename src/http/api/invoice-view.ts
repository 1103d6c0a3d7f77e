/** The JSON of an invoice or credit note (docs/invoices.md): amounts in haléře with their currency, dates as Prague days. */
import { documentTitle } from '../../domain/invoices/document-titles.js';
import type { Invoice } from '../../domain/invoices/invoice.js';

/** An invoice's state: `issued`, `partially_credited` or `credited` (a credit note is always `issued`). */
export const invoiceState = (i: Pick<Invoice, 'kind' | 'total' | 'creditedTotal'>) => (i.kind === 'credit_note' || i.creditedTotal === 0 ? 'issued' : i.creditedTotal >= i.total ? 'credited' : 'partially_credited');

export function invoiceJson(invoice: Omit<Invoice, 'content'> & Partial<Pick<Invoice, 'content'>>, publicUrl: string, extra: { paymentStatus?: string; customerName?: string } = {}) {
  const c = invoice.content;
  return {
    id: invoice.id,
    kind: invoice.kind,
    number: invoice.number,
    title: documentTitle(invoice, invoice.locale),
    simplified: invoice.simplified,
    vatPayer: invoice.vatPayer,
    state: invoiceState(invoice),
    orderNumber: invoice.orderNumber,
    invoiceId: invoice.invoiceId,
    issuedAt: invoice.issuedAt,
    issueDate: invoice.issueDate,
    taxableSupplyDate: invoice.taxableDate,
    dueDate: invoice.dueDate,
    variableSymbol: invoice.variableSymbol,
    total: invoice.total,
    creditedTotal: invoice.creditedTotal,
    currency: invoice.currency,
    reason: invoice.reason,
    locale: invoice.locale,
    issuedBy: invoice.issuedBy,
    ...(extra.paymentStatus ? { paymentStatus: extra.paymentStatus } : {}),
    ...(extra.customerName ? { customerName: extra.customerName } : {}),
    ...(c
      ? {
          supplier: c.seller,
          customer: c.buyer,
          original: c.original ? { id: c.original.id, number: c.original.number, issueDate: c.original.issueDate } : null,
          payment: { method: c.payment.kind, name: c.payment.name },
          lines: c.lines.map((l) => ({ no: l.no, kind: l.kind, sku: l.sku, name: l.name, quantity: l.quantity, unitPrice: l.unitPrice, vatRate: l.vatRate, base: l.base, vat: l.vat, total: l.total, invoiceLine: l.invoiceLine })),
          vat: c.vat.map((r) => ({ rate: r.rate, base: r.base, vat: r.vat, total: r.gross })),
        }
      : {}),
    pdfUrl: `${publicUrl}/api/admin/invoices/${invoice.id}.pdf`,
    isdocUrl: `${publicUrl}/api/admin/invoices/${invoice.id}.isdoc`,
  };
}
