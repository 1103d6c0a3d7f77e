/** Every order export format with a discount: valid against its schema, the discount's negative lines per VAT rate, and lines and summaries that add up to the order total. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ExportMeta } from '../src/domain/exports/export-format.js';
import type { ExportOrder } from '../src/domain/exports/export-order.js';
import { exportWriter } from '../src/domain/exports/writers.js';
import { KRAMEK_XSD, MONEY_S3_XSD, POHODA_XSD, xmllint, xpath } from './support/xml.js';

// 2 × 149 + 448 + 50 Kč at 21 %, 12 % and 0 %, 10 % off everything: 79,60 Kč shared 29,80 / 44,80 / 5,00.
const discount = { code: 'JARO10', kind: 'percent' as const, value: 10, amount: 7960, lines: [{ vatRate: 21, amount: 2980 }, { vatRate: 12, amount: 4480 }, { vatRate: 0, amount: 500 }] };
const ORDER: ExportOrder = {
  id: 1,
  number: '2026000123',
  status: 'new',
  paymentStatus: 'unpaid',
  createdAt: '2026-04-01T08:30:00.000Z',
  locale: 'cs',
  customer: { email: 'jana@example.cz', name: 'Jana Nováková', phone: null, company: null, ico: null, dic: null },
  billingAddress: { street: 'Dlouhá 12', city: 'Praha', zip: '110 00', country: 'CZ' },
  shippingAddress: null,
  shipping: { code: 'ppl', name: 'PPL', carrier: 'ppl', price: 12900, vatRate: 21 },
  payment: { code: 'cod', kind: 'cash-on-delivery', name: 'Dobírka', price: 3900, vatRate: 21 },
  variableSymbol: '2026000123',
  note: null,
  itemsTotal: 79600,
  discount,
  total: 79600 - 7960 + 12900 + 3900,
  currency: 'CZK',
  items: [
    { sku: 'TEA-1', name: 'Čaj', quantity: 2, unitPrice: 14900, vatRate: 21, total: 29800 },
    { sku: 'BOOK-1', name: 'Kniha', quantity: 1, unitPrice: 44800, vatRate: 12, total: 44800 },
    { sku: 'BAG-0', name: 'Taška', quantity: 1, unitPrice: 5000, vatRate: 0, total: 5000 },
  ],
  parcels: [],
  history: [],
};
const META: ExportMeta = {
  shop: { name: 'Čajovna', legalName: 'Čajovna s.r.o.', ico: '27082440', dic: 'CZ27082440', street: 'Hlavní 1', city: 'Praha', zip: '110 00', country: 'CZ', email: 'obchod@example.cz', phone: '', web: '' },
  generatedAt: '2026-11-26T10:00:00.000Z',
  range: { from: null, to: null, status: null, numbers: null },
  decimalComma: false,
};
const render = (format: Parameters<typeof exportWriter>[0]) => {
  const w = exportWriter(format, '');
  return w.head(META) + w.order(ORDER, META) + w.tail(META, 1);
};
const sum = (values: string) => values.trim().split(/\s+/).filter(Boolean).reduce((s, v) => s + Math.round(Number(v) * 100), 0);

test('Pohoda: a negative item per VAT rate, and items and summary add up to the discounted total', () => {
  const xml = render('pohoda');
  xmllint(xml, POHODA_XSD);
  assert.equal(sum(xpath(xml, '//*[local-name()="orderItem"]//*[local-name()="priceSum"]/text()')), ORDER.total);
  assert.equal(sum(xpath(xml, '//*[local-name()="orderSummary"]//*[local-name()="priceNone" or local-name()="priceLowSum" or local-name()="priceHighSum"]/text()')), ORDER.total);
  assert.equal((xml.match(/<ord:text>Sleva – kód JARO10 \(10 %\)<\/ord:text>/g) ?? []).length, 3);
});

test('Kramek XML carries the discount element and its totals add up', () => {
  const xml = render('kramek');
  xmllint(xml, KRAMEK_XSD);
  assert.match(xml, /<discount code="JARO10" kind="percent" amount="79\.60"><line vatRate="21" amount="29\.80"\/><line vatRate="12" amount="44\.80"\/><line vatRate="0" amount="5\.00"\/><\/discount>/);
  assert.equal(sum(xpath(xml, '//*[local-name()="vatSummary"]/*/@gross').replace(/gross="([^"]*)"/g, '$1 ')), ORDER.total);
  assert.equal(sum(xpath(xml, 'string(//*[local-name()="totals"]/@total)')), ORDER.total);
});

test('Money S3 and CSV lines add up to the discounted total', () => {
  const xml = render('money-s3');
  xmllint(xml, MONEY_S3_XSD);
  assert.equal(sum(xpath(xml, '//Celkem/text()')), ORDER.total);
  const rows = render('csv-items').replace(/^\uFEFF/, '').trim().split('\r\n').slice(1).map((r) => r.split(';'));
  assert.equal(rows.reduce((s, r) => s + Math.round(Number(r[10]) * 100), 0), ORDER.total);
  for (const r of rows) assert.equal(Math.round(Number(r[8]) * 100) + Math.round(Number(r[9]) * 100), Math.round(Number(r[10]) * 100), `base + VAT = total on ${r[2]} ${r[7]} %`);
  assert.deepEqual(rows.filter((r) => r[2] === 'discount').map((r) => [r[7], r[10]]), [['21', '-29.80'], ['12', '-44.80'], ['0', '-5.00']]);
});
