/** The lines of an invoice or credit note (with or without VAT columns), then its VAT recapitulation and total. */
import { formatMoney, roundMinor } from '../../domain/money/money.js';
import type { InvoiceDocument } from '../../domain/invoices/invoice-document.js';
import { INVOICE_LABELS } from './invoice-labels.js';
import { COLOR, LEFT, RIGHT, type Layout } from './layout.js';
import { drawVatTable, TOTALS_LEFT } from './items-table.js';

type Key = 'item' | 'quantity' | 'unitBase' | 'rate' | 'unitGross' | 'total';
type Column = { key: Key; width: number };
const WITH_VAT: Column[] = [
  { key: 'item', width: 195 },
  { key: 'quantity', width: 55 },
  { key: 'unitBase', width: 70 },
  { key: 'rate', width: 35 },
  { key: 'unitGross', width: 75 },
  { key: 'total', width: 85 },
];
// Without VAT a price is just a price.
const WITHOUT_VAT: Column[] = [
  { key: 'item', width: 300 },
  { key: 'quantity', width: 50 },
  { key: 'unitGross', width: 80 },
  { key: 'total', width: 85 },
];
const PAD = 4;
const HEADER_HEIGHT = 24;

const percent = (rate: number, locale: 'cs' | 'en') => (locale === 'cs' ? `${rate} %` : `${rate}%`);
const columnsOf = (l: Layout<InvoiceDocument>) => (l.doc.invoice.vatPayer ? WITH_VAT : WITHOUT_VAT);

function drawHeader(l: Layout<InvoiceDocument>): void {
  const t = INVOICE_LABELS[l.doc.locale];
  const titles: Record<Key, string> = { item: t.item, quantity: t.quantity, unitBase: t.unitBase, rate: t.rate, unitGross: l.doc.invoice.vatPayer ? t.unitGross : t.unitPrice, total: t.total };
  l.pdf.rect(LEFT, l.y, RIGHT - LEFT, HEADER_HEIGHT).fill(COLOR.fill);
  let x = LEFT;
  for (const column of columnsOf(l)) {
    // Long titles ("Cena/ks bez DPH") wrap onto a second line rather than run into the next column.
    const width = column.width - 2 * PAD;
    const title = titles[column.key];
    const top = l.heightOf(title, width, { bold: true, size: 7.5 }) > 10 ? 3 : 8;
    l.style({ bold: true, size: 7.5 }).text(title, x + PAD, l.y + top, { width, align: column.key === 'item' ? 'left' : 'right', lineGap: 0 });
    x += column.width;
  }
  l.y += HEADER_HEIGHT + 3;
}

export function drawLines(l: Layout<InvoiceDocument>): void {
  const { invoice, locale } = l.doc;
  const money = (minor: number) => formatMoney(minor, locale);
  const columns = columnsOf(l);
  l.ensure(HEADER_HEIGHT + 40);
  drawHeader(l);
  l.onNewPage = () => drawHeader(l);
  for (const line of invoice.content.lines) {
    const itemWidth = columns[0]!.width - 2 * PAD;
    const height = l.heightOf(line.name, itemWidth) + (line.sku ? 10 : 0) + 6;
    l.ensure(height);
    const cells: Record<Key, string> = {
      item: '',
      quantity: String(line.quantity),
      unitBase: money(line.quantity === 0 ? 0 : roundMinor(line.base / line.quantity)),
      rate: percent(line.vatRate, locale),
      unitGross: money(line.unitPrice),
      total: money(line.total),
    };
    let x = LEFT;
    for (const column of columns) {
      const width = column.width - 2 * PAD;
      if (column.key === 'item') {
        const h = l.paragraph(line.name, x + PAD, l.y, width);
        if (line.sku) l.line(line.sku, x + PAD, l.y + h, { size: 7, color: COLOR.muted });
      } else {
        l.line(cells[column.key], x + PAD, l.y, { width, align: 'right' });
      }
      x += column.width;
    }
    l.y += height;
    l.rule(l.y - 3, COLOR.fill);
  }
  l.onNewPage = null;
  l.y += 6;
}

/** Height the recapitulation and the total need (kept on one page). */
export function summaryHeight(l: Layout<InvoiceDocument>): number {
  const rows = l.doc.invoice.vatPayer ? l.doc.invoice.content.vat.length + 3 : 0;
  return 12 + 13 * rows + 56;
}

/** The VAT recapitulation (VAT payers) and the total in the right column from `top`; returns where they end. */
export function drawSummary(l: Layout<InvoiceDocument>, top: number): number {
  const { invoice, locale } = l.doc;
  const t = INVOICE_LABELS[locale];
  const money = (minor: number) => formatMoney(minor, locale);
  const x0 = TOTALS_LEFT;
  let y = top;
  if (invoice.vatPayer) {
    y = drawVatTable(l, top, { title: t.vatSummary, headings: [t.vatRate, t.base, t.vat, t.total], rows: invoice.content.vat, total: invoice.total });
    y += 4;
  }
  l.rule(y, COLOR.text, x0, RIGHT);
  y += 7;
  l.line(invoice.kind === 'credit_note' ? t.creditTotal : t.toPay, x0, y + 1, { bold: true, size: 11 });
  l.line(money(invoice.total), x0, y, { bold: true, size: 13, width: RIGHT - x0, align: 'right' });
  y += 22;
  const notes = [invoice.kind === 'invoice' && l.doc.paid ? t.paid : '', invoice.vatPayer ? '' : t.nonPayer].filter(Boolean);
  for (const note of notes) {
    l.line(note, x0, y, { bold: true, size: 9, width: RIGHT - x0, align: 'right' });
    y += 13;
  }
  return y + 4;
}
