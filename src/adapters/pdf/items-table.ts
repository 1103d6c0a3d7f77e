/** The items table (with shipping and payment as its last lines), its header repeated on every page it runs onto; then the VAT summary and the total. */
import { formatMoney } from '../../domain/money/money.js';
import { totalsOf } from '../../domain/money/vat.js';
import { documentVatSummary } from '../../domain/documents/order-document.js';
import { discountLineName } from '../../domain/discounts/discount-label.js';
import { COLOR, LEFT, RIGHT, type Layout, type PageDocument } from './layout.js';

type VatRow = { rate: number; base: number; vat: number; gross: number };

/** The left edge of the totals column (the VAT table's four columns); the payment details use the space left of it. */
export const TOTALS_LEFT = RIGHT - 280;
const VAT_WIDTHS = [50, 78, 72, 80];

type Column = { key: 'sku' | 'name' | 'quantity' | 'unitPrice' | 'vat' | 'total'; width: number; right?: boolean };
const COLUMNS: Column[] = [
  { key: 'sku', width: 82 },
  { key: 'name', width: 203 },
  { key: 'quantity', width: 50, right: true },
  { key: 'unitPrice', width: 72, right: true },
  { key: 'vat', width: 36, right: true },
  { key: 'total', width: 72, right: true },
];
const PAD = 4;
const HEADER_HEIGHT = 18;

type Row = Record<Column['key'], string>;

const percent = (rate: number, locale: 'cs' | 'en') => (locale === 'cs' ? `${rate} %` : `${rate}%`);

function drawHeader(l: Layout): void {
  const t = l.t;
  const titles: Row = { sku: t.sku, name: t.item, quantity: t.quantity, unitPrice: t.unitPrice, vat: t.vat, total: t.lineTotal };
  l.pdf.rect(LEFT, l.y, RIGHT - LEFT, HEADER_HEIGHT).fill(COLOR.fill);
  let x = LEFT;
  for (const column of COLUMNS) {
    l.line(titles[column.key], x + PAD, l.y + 5, { bold: true, size: 8, width: column.width - 2 * PAD, align: column.right ? 'right' : 'left' });
    x += column.width;
  }
  l.y += HEADER_HEIGHT + 3;
}

function drawRow(l: Layout, row: Row): void {
  const nameWidth = COLUMNS[1]!.width - 2 * PAD;
  const skuWidth = COLUMNS[0]!.width - 2 * PAD;
  const height = Math.max(l.heightOf(row.name, nameWidth), row.sku ? l.heightOf(row.sku, skuWidth, { size: 8 }) : 0) + 6;
  l.ensure(height);
  let x = LEFT;
  for (const column of COLUMNS) {
    const width = column.width - 2 * PAD;
    if (column.key === 'name') l.paragraph(row.name, x + PAD, l.y, width);
    else if (column.key === 'sku') l.paragraph(row.sku, x + PAD, l.y + 0.5, width, { size: 8, color: COLOR.muted });
    else l.line(row[column.key], x + PAD, l.y, { width, align: 'right' });
    x += column.width;
  }
  l.y += height;
  l.rule(l.y - 3, COLOR.fill);
}

export function drawItems(l: Layout): void {
  const { doc, t } = l;
  const money = (minor: number) => formatMoney(minor, doc.locale);
  l.ensure(HEADER_HEIGHT + 40);
  drawHeader(l);
  l.onNewPage = () => drawHeader(l);
  for (const item of doc.items) {
    drawRow(l, { sku: item.sku, name: item.name, quantity: String(item.quantity), unitPrice: money(item.unitPrice), vat: percent(item.vatRate, doc.locale), total: money(item.total) });
  }
  // A discount code takes a negative line per VAT rate off the goods; free shipping is named on the shipping line.
  const discount = doc.discount;
  for (const line of discount && discount.kind !== 'free_shipping' ? discount.lines : []) {
    drawRow(l, { sku: '', name: discountLineName(discount!, doc.locale), quantity: '1', unitPrice: money(-line.amount), vat: percent(line.vatRate, doc.locale), total: money(-line.amount) });
  }
  const freeShipping = discount?.kind === 'free_shipping' ? ` (${discountLineName(discount, doc.locale)})` : '';
  const extra = [
    { name: `${t.shipping}: ${doc.shipping.name}${freeShipping}`, price: doc.shipping.price, vatRate: doc.shipping.vatRate },
    { name: `${t.payment}: ${doc.payment.name}`, price: doc.payment.price, vatRate: doc.payment.vatRate },
  ];
  for (const line of extra) drawRow(l, { sku: '', name: line.name, quantity: '1', unitPrice: money(line.price), vat: percent(line.vatRate, doc.locale), total: money(line.price) });
  l.onNewPage = null;
  l.y += 6;
}

/** Height the VAT summary and the total need (for keeping them on one page). */
export function totalsHeight(l: Layout): number {
  return 12 + 13 * (documentVatSummary(l.doc).length + 2) + 40;
}

/** The VAT summary and the grand total in the right column from `top`; returns where they end. */
export function drawTotals(l: Layout, top: number): number {
  const { doc, t } = l;
  const money = (minor: number) => formatMoney(minor, doc.locale);
  const summary = documentVatSummary(doc);
  const x0 = TOTALS_LEFT;
  let y = drawVatTable(l, top, { title: t.vatSummary, headings: [t.vatRate, t.base, t.vat, t.lineTotal], rows: summary, total: totalsOf(summary).gross });
  y += 4;
  l.rule(y, COLOR.text, x0, RIGHT);
  y += 7;
  l.line(t.total, x0, y + 1, { bold: true, size: 11 });
  l.line(money(doc.total), x0, y, { bold: true, size: 13, width: RIGHT - x0, align: 'right' });
  return y + 24;
}

/**
 * The VAT recapitulation — rate, base, VAT, total per rate, and their sums when there are several rates — right-aligned
 * from `top` (the order document and the invoices alike); returns where it ends.
 */
export function drawVatTable<D extends PageDocument>(l: Layout<D>, top: number, table: { title: string; headings: string[]; rows: readonly VatRow[]; total: number }): number {
  const money = (minor: number) => formatMoney(minor, l.doc.locale);
  let y = top;
  l.line(table.title.toUpperCase(), TOTALS_LEFT, y, { bold: true, size: 7.5, color: COLOR.muted });
  y += 12;
  const cells = (values: string[], bold = false) => {
    let x = TOTALS_LEFT;
    values.forEach((value, i) => {
      l.line(value, x, y, { bold, size: 8.5, width: VAT_WIDTHS[i]! - 4, align: 'right' });
      x += VAT_WIDTHS[i]!;
    });
    y += 13;
  };
  cells(table.headings, true);
  for (const row of table.rows) cells([percent(row.rate, l.doc.locale), money(row.base), money(row.vat), money(row.gross)]);
  if (table.rows.length > 1) {
    const sum = table.rows.reduce((s, r) => ({ base: s.base + r.base, vat: s.vat + r.vat }), { base: 0, vat: 0 });
    cells(['', money(sum.base), money(sum.vat), money(table.total)], true);
  }
  return y;
}


