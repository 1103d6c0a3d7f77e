/** The items table (with shipping and payment as its last lines), its header repeated on every page it runs onto; then the VAT summary and the total. */
import { formatMoney } from '../../domain/money/money.js';
import { totalsOf } from '../../domain/money/vat.js';
import { documentVatSummary } from '../../domain/documents/order-document.js';
import { discountLineName } from '../../domain/discounts/discount-label.js';
import { COLOR, LEFT, RIGHT, type Layout } from './layout.js';

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
  const widths = [50, 78, 72, 80];
  const x0 = RIGHT - widths.reduce((a, b) => a + b, 0);
  let y = top;
  l.line(t.vatSummary.toUpperCase(), x0, y, { bold: true, size: 7.5, color: COLOR.muted });
  y += 12;
  const cells = (values: string[], bold = false) => {
    let x = x0;
    values.forEach((value, i) => {
      l.line(value, x, y, { bold, size: 8.5, width: widths[i]! - 4, align: 'right' });
      x += widths[i]!;
    });
    y += 13;
  };
  cells([t.vatRate, t.base, t.vat, t.lineTotal], true);
  for (const row of summary) cells([percent(row.rate, doc.locale), money(row.base), money(row.vat), money(row.gross)]);
  if (summary.length > 1) {
    const sum = totalsOf(summary);
    cells(['', money(sum.base), money(sum.vat), money(sum.gross)], true);
  }
  y += 4;
  l.rule(y, COLOR.text, x0, RIGHT);
  y += 7;
  l.line(t.total, x0, y + 1, { bold: true, size: 11 });
  l.line(money(doc.total), x0, y, { bold: true, size: 13, width: RIGHT - x0, align: 'right' });
  return y + 24;
}

/** The left edge of the totals column: the payment details use the space left of it. */
export const TOTALS_LEFT = RIGHT - 280;
