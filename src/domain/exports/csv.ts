/** Orders and order lines as CSV for spreadsheets: UTF-8 with BOM (Excel then reads the diacritics), semicolons, Czech decimal comma by default. */
import { stringify } from 'csv-stringify/sync';
import { exportLines, exportVatSummary, pragueDate, type ExportOrder } from './export-order.js';
import type { ExportMeta, ExportWriter } from './export-format.js';

const BOM = '\uFEFF';

const ORDER_HEADER = ['Číslo', 'Datum', 'Vytvořeno', 'Stav', 'Stav platby', 'Jméno', 'Firma', 'IČO', 'DIČ', 'E-mail', 'Telefon', 'Ulice', 'Město', 'PSČ', 'Země', 'Doprava', 'Cena dopravy', 'Platba', 'Cena platby', 'Položek', 'Základ', 'DPH', 'Celkem', 'Měna', 'Variabilní symbol', 'Sledovací čísla', 'Poznámka'];
const LINE_HEADER = ['Číslo objednávky', 'Datum', 'Druh', 'Kód', 'Název', 'Množství', 'Cena za kus', 'Sazba DPH', 'Základ', 'DPH', 'Celkem', 'Měna'];

function money(minor: number, meta: ExportMeta): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}${meta.decimalComma ? ',' : '.'}${String(abs % 100).padStart(2, '0')}`;
}

// A cell a spreadsheet would run as a formula (`=HYPERLINK(…)` typed as a name) is kept as text with a leading apostrophe;
// phone numbers and negative amounts (`+420…`, `-12,00`) stay as they are.
function cell(value: string | number | null): string | number {
  if (value === null) return '';
  if (typeof value === 'number') return value;
  return /^[=@\t\r]|^[+-][^\d\s]/.test(value) ? `'${value}` : value;
}

const row = (values: (string | number | null)[]) => stringify([values.map(cell)], { delimiter: ';', record_delimiter: '\r\n' });

function orderRow(o: ExportOrder, meta: ExportMeta): string {
  const c = o.customer;
  const a = o.billingAddress;
  const vat = exportVatSummary(o);
  return row([
    o.number, pragueDate(o.createdAt), o.createdAt, o.status, o.paymentStatus, c.name, c.company, c.ico, c.dic, c.email, c.phone, a.street, a.city, a.zip, a.country,
    o.shipping.name, money(o.shipping.price, meta), o.payment.name, money(o.payment.price, meta), o.items.reduce((n, i) => n + i.quantity, 0),
    money(vat.base, meta), money(vat.vat, meta), money(o.total, meta), o.currency, o.variableSymbol, o.parcels.map((p) => p.trackingNumber).join(', '), o.note,
  ]);
}

function lineRows(o: ExportOrder, meta: ExportMeta): string {
  const date = pragueDate(o.createdAt);
  let out = '';
  for (const l of exportLines(o)) {
    const split = exportVatSummary({ ...o, items: [l], discount: null, shipping: { ...o.shipping, price: 0 }, payment: { ...o.payment, price: 0 } });
    out += row([o.number, date, l.kind, l.sku, l.name, l.quantity, money(l.unitPrice, meta), l.vatRate, money(split.base, meta), money(split.vat, meta), money(l.total, meta), o.currency]);
  }
  return out;
}

export const csvOrdersWriter: ExportWriter = {
  id: 'csv',
  contentType: 'text/csv; charset=utf-8',
  extension: 'csv',
  orderMarker: null,
  needsHistory: false,
  head: () => BOM + row(ORDER_HEADER),
  order: (order, meta) => orderRow(order, meta),
  tail: () => '',
};

export const csvLinesWriter: ExportWriter = {
  id: 'csv-items',
  contentType: 'text/csv; charset=utf-8',
  extension: 'csv',
  orderMarker: null,
  needsHistory: false,
  head: () => BOM + row(LINE_HEADER),
  order: (order, meta) => lineRows(order, meta),
  tail: () => '',
};
