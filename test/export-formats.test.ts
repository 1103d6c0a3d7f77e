import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ExportMeta } from '../src/domain/exports/export-format.js';
import type { ExportOrder } from '../src/domain/exports/export-order.js';
import { exportWriter } from '../src/domain/exports/writers.js';
import { layoutProblems } from '../src/domain/exports/custom-layout.js';
import { readExportSelection } from '../src/domain/exports/export-request.js';
import { escapeXml } from '../src/domain/exports/xml-text.js';
import { KRAMEK_XSD, MONEY_S3_XSD, POHODA_XSD, xmllint, xpath } from './support/xml.js';

const NASTY = 'Šťastná & syn <s.r.o.> "Ó" \'ž\' 🍵';

export function sampleOrder(overrides: Partial<ExportOrder> = {}): ExportOrder {
  return {
    id: 1,
    number: '2026000123',
    status: 'shipped',
    paymentStatus: 'paid',
    createdAt: '2026-03-31T22:30:00.000Z', // 1 April 00:30 in Prague
    locale: 'cs',
    customer: { email: 'jana@example.cz', name: 'Jana Nováková 🍵 & <spol>', phone: '+420601123456', company: NASTY, ico: '27082440', dic: 'CZ27082440' },
    billingAddress: { street: 'Dlouhá 12 & "dvůr"', city: 'Praha', zip: '110 00', country: 'CZ' },
    shippingAddress: { street: 'Krátká 1', city: 'Brno', zip: '602 00', country: 'CZ' },
    shipping: { code: 'ppl', name: 'PPL – doručení', carrier: 'ppl', price: 12900, vatRate: 21 },
    payment: { code: 'cod', kind: 'cash-on-delivery', name: 'Na dobírku', price: 3900, vatRate: 21 },
    variableSymbol: '2026000123',
    note: 'Prosím zabalit <b>jako</b> dárek & rychle\u0001',
    itemsTotal: 2 * 14900 + 44800 + 5000,
    discount: null,
    total: 2 * 14900 + 44800 + 5000 + 12900 + 3900,
    currency: 'CZK',
    items: [
      { sku: 'TEA-1', name: `Čaj Sencha – 100 g ${NASTY}`, quantity: 2, unitPrice: 14900, vatRate: 21, total: 29800 },
      { sku: 'BOOK-1', name: 'Kniha o čaji', quantity: 1, unitPrice: 44800, vatRate: 12, total: 44800 },
      { sku: 'BAG-0', name: 'Dárková taška', quantity: 1, unitPrice: 5000, vatRate: 0, total: 5000 },
    ],
    parcels: [{ carrier: 'ppl', trackingNumber: 'PPL-777&1', createdAt: '2026-04-02T08:00:00.000Z' }],
    history: [{ at: '2026-04-02T08:00:00.000Z', kind: 'status', statusFrom: 'processing', statusTo: 'shipped', text: 'Odesláno <PPL>' }],
    ...overrides,
  };
}

const META: ExportMeta = {
  shop: { name: 'Čajovna & spol.', legalName: 'Čajovna s.r.o.', ico: '27082440', dic: 'CZ27082440', street: 'Hlavní 1', city: 'Praha', zip: '110 00', country: 'CZ', email: 'obchod@example.cz', phone: '', web: '' },
  generatedAt: '2026-11-26T10:00:00.000Z',
  range: { from: '2026-04-01', to: '2026-04-30', status: null, numbers: null },
  decimalComma: true,
};

function render(format: Parameters<typeof exportWriter>[0], orders: ExportOrder[], layout = '', meta = META): string {
  const w = exportWriter(format, layout);
  return w.head(meta) + orders.map((o) => w.order(o, meta)).join('') + w.tail(meta, orders.length);
}

const sum = (values: string) => values.trim().split(/\s+/).filter(Boolean).reduce((s, v) => s + Math.round(Number(v) * 100), 0);

describe('export formats', () => {
  test('Pohoda XML validates against Stormware data.xsd, with VAT classes and a summary that adds up to the order total', () => {
    const order = sampleOrder();
    const xml = render('pohoda', [order, sampleOrder({ id: 2, number: '2026000124', shippingAddress: null, customer: { ...order.customer, company: null, ico: null, dic: null } })]);
    xmllint(xml, POHODA_XSD);
    assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>/);
    assert.match(xml, /<dat:dataPack [^>]*version="2.0"[^>]*ico="27082440"[^>]*application="Kramek"/);
    assert.match(xml, /<ord:orderType>receivedOrder<\/ord:orderType>/);
    assert.match(xml, /<ord:date>2026-04-01<\/ord:date>/, 'the Prague calendar day');
    assert.deepEqual([...xml.matchAll(/<ord:rateVAT>(\w+)</g)].slice(0, 5).map((m) => m[1]), ['high', 'low', 'none', 'high', 'high']);
    const first = xpath(xml, '(//*[local-name()="order"])[1]//*[local-name()="homeCurrency" and parent::*[local-name()="orderSummary"]]/*[local-name()="priceNone" or local-name()="priceLowSum" or local-name()="priceHighSum"]/text()');
    assert.equal(sum(first), order.total);
    const lines = xpath(xml, '(//*[local-name()="order"])[1]//*[local-name()="priceSum"]/text()');
    assert.equal(sum(lines), order.total);
  });

  test('names with diacritics, &, <, quotes and emoji come through intact and escaped; invalid XML characters are dropped', () => {
    for (const format of ['pohoda', 'kramek', 'money-s3'] as const) {
      const xml = render(format, [sampleOrder()]);
      xmllint(xml);
      assert.ok(xml.includes('Šťastná &amp; syn &lt;s.r.o.&gt;'), format);
      assert.ok(xml.includes('🍵'), format);
      assert.ok(!xml.includes('\u0001'), format);
      assert.ok(!/<s\.r\.o\.>|<b>|<spol>/.test(xml), `${format}: nothing unescaped`);
    }
    const company = xpath(render('kramek', [sampleOrder()]), 'string(//*[local-name()="company"])').replace(/\n$/, '');
    assert.equal(company, NASTY);
    assert.equal(escapeXml('a\uD800b\uFFFEc"\'\r'), 'abc&quot;&apos;&#13;');
  });

  test('Kramek XML validates against its schema and carries every field', () => {
    const order = sampleOrder();
    const xml = render('kramek', [order]);
    xmllint(xml, KRAMEK_XSD);
    for (const needle of ['variableSymbol>2026000123<', 'paymentStatus="paid"', '<shippingAddress><street>Krátká 1', 'trackingNumber="PPL-777&amp;1"', 'trackingUrl="https://www.ppl.cz/', 'statusTo="shipped"', '<rate percent="12"', 'kind="cash-on-delivery"', '<dic>CZ27082440</dic>']) assert.ok(xml.includes(needle), needle);
    assert.equal(sum(xpath(xml, 'string(//*[local-name()="totals"]/@total)')), order.total);
    assert.equal(sum(xpath(xml, '//*[local-name()="vatSummary"]/*/@gross').replace(/gross="([^"]*)"/g, '$1 ')), order.total);
  });

  test('Money S3 XML follows our own subset schema (not an official one) and its lines add up', () => {
    const order = sampleOrder();
    const xml = render('money-s3', [order]);
    xmllint(xml, MONEY_S3_XSD);
    assert.equal(sum(xpath(xml, '//Celkem/text()')), order.total);
    assert.match(xml, /<MoneyData [^>]*ICAgendy="27082440"/);
  });

  test('empty ranges give valid empty documents in every format', () => {
    xmllint(render('pohoda', []), POHODA_XSD);
    xmllint(render('kramek', []), KRAMEK_XSD);
    xmllint(render('money-s3', []), MONEY_S3_XSD);
    assert.equal(render('csv', []).split('\r\n').filter(Boolean).length, 1);
  });

  test('CSV: UTF-8 with BOM, semicolons, decimal comma by default (dot on request), formulas defused', () => {
    const csv = render('csv', [sampleOrder({ customer: { ...sampleOrder().customer, name: '=HYPERLINK("x")' } })]);
    assert.ok(csv.startsWith('\uFEFFČíslo;Datum;'));
    assert.match(csv, /;964,00;CZK;/);
    assert.match(csv, /'=HYPERLINK/);
    assert.match(csv, /\+420601123456/);
    const dot = render('csv-items', [sampleOrder()], '', { ...META, decimalComma: false });
    assert.match(dot, /2026000123;2026-04-01;item;TEA-1;.*;2;149\.00;21;/);
    assert.equal(dot.trim().split('\r\n').length, 1 + 5, 'three items, shipping and payment');
  });

  test('a custom layout renders known fields where they belong and is refused with reasons otherwise', () => {
    const layout = `<export obchod="{shop.name}"><objednavka kramek-each="orders" cislo="{number}"><zakaznik>{customer.name}</zakaznik><polozka kramek-each="items" kod="{item.sku}">{item.quantity}× {item.name}</polozka><celkem>{total}</celkem></objednavka><konec/></export>`;
    assert.deepEqual(layoutProblems(layout), []);
    const xml = render('custom', [sampleOrder(), sampleOrder({ number: '2026000124' })], layout);
    xmllint(xml);
    assert.match(xml, /<export obchod="Čajovna &amp; spol\.">/);
    assert.match(xml, /<objednavka cislo="2026000123"><zakaznik>Jana Nováková 🍵 &amp; &lt;spol&gt;<\/zakaznik><polozka kod="TEA-1">2× Čaj/);
    assert.match(xml, /<celkem>964\.00<\/celkem><\/objednavka>\n<objednavka cislo="2026000124">/);
    assert.match(xml, /<konec\/><\/export>/);
    assert.equal(render('custom', [], layout).replace(/\s/g, ''), '<?xmlversion="1.0"encoding="UTF-8"?><exportobchod="Čajovna&amp;spol."><konec/></export>');

    assert.deepEqual(layoutProblems('<a><b kramek-each="orders">{nope}</b></a>'), [{ code: 'export_layout_unknown_field', detail: 'nope' }]);
    assert.deepEqual(layoutProblems('<a><b kramek-each="orders"></a>'), [{ code: 'export_layout_mismatched', detail: 'b/a' }]);
    assert.deepEqual(layoutProblems('<a>{item.sku}<b kramek-each="orders"/></a>'), [{ code: 'export_layout_field_out_of_place', detail: 'item.sku' }]);
    assert.deepEqual(layoutProblems('<a><b/></a>'), [{ code: 'export_layout_orders_missing' }]);
    assert.deepEqual(layoutProblems('<a kramek-each="orders"/>'), [{ code: 'export_layout_each_on_root' }]);
    assert.equal(layoutProblems('<a><b kramek-each="orders">&bogus;</b></a>')[0]!.code, 'export_layout_malformed');
    assert.equal(layoutProblems('<a/><b/>')[0]!.code, 'export_layout_trailing');
  });

  test('requests: formats, real calendar days in Prague time, statuses and numbers are checked', () => {
    const s = readExportSelection({ format: 'pohoda', from: '2026-04-01', to: '2026-04-30' });
    assert.equal(s.fromInstant, '2026-03-31T22:00:00.000Z');
    assert.equal(s.toInstant, '2026-04-30T22:00:00.000Z');
    assert.equal(readExportSelection({ format: 'kramek', from: '2026-01-15' }).fromInstant, '2026-01-14T23:00:00.000Z');
    const fields = (input: Parameters<typeof readExportSelection>[0]) => {
      try {
        readExportSelection(input);
        return null;
      } catch (error) {
        return (error as { fields: Record<string, string> }).fields;
      }
    };
    assert.deepEqual(fields({ format: 'excel' }), { format: 'export_format_invalid' });
    assert.deepEqual(fields({ format: 'pohoda', from: '2026-02-30' }), { from: 'date_invalid' });
    assert.deepEqual(fields({ format: 'pohoda', from: '26.11.2026' }), { from: 'date_invalid' });
    assert.deepEqual(fields({ format: 'pohoda', from: '2026-05-01', to: '2026-04-01' }), { to: 'date_before_from' });
    assert.deepEqual(fields({ format: 'pohoda', status: 'lost' }), { status: 'export_status_invalid' });
    assert.deepEqual(fields({ format: 'pohoda', numbers: ['123', 'x'] }), { numbers: 'export_numbers_invalid' });
  });
});
