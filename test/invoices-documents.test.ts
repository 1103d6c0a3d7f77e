/**
 * What an issued document says, read back as a person or an accounting program would: the PDF with pdftotext (Czech
 * and English, VAT payer or not, simplified, paid or with QR Platba), ISDOC against the official XSD, the Pohoda export
 * against Pohoda's XSDs, and the date of taxable supply by the moment Configuration chose — on both databases.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from './support/databases.js';
import { startKramek, type TestKramek } from './support/kramek.js';
import { TestClock } from './support/outbox.js';
import { placeOrder } from './support/orders.js';
import { adminApi, COMPANY_BUYER, setUpInvoicingShop, type Api } from './support/invoices.js';
import { pdfPages, plain } from './support/pdf.js';
import { ISDOC_XSD, POHODA_XSD, xmllint, xpath } from './support/xml.js';

const DAY = 86_400_000;
/** The text at a path of an ISDOC document (its elements are in the ISDOC namespace): `Invoice/ID`. */
const isdocValue = (xml: string, path: string) => xpath(xml, `string(${path.split('/').map((name) => `/*[local-name()="${name}"]`).join('')})`).trim();

for (const dialect of DIALECTS) {
  describe(`invoice documents (PDF, ISDOC, Pohoda) on ${dialect.name}`, () => {
    let kramek: TestKramek;
    let api: Api;
    // 00:30 in Prague on 31 March 2026 is still 30 March in UTC: documents are dated by the Prague calendar.
    const clock = new TestClock(new Date('2026-03-30T22:30:00.000Z'));
    const text = async (url: string) => {
      const response = await api('GET', url);
      assert.equal(response.status, 200, url);
      assert.equal(response.headers['content-type'], 'application/pdf');
      return plain(pdfPages(response.raw).join('\n'));
    };

    before(async () => {
      kramek = await startKramek(dialect, { clock });
      api = adminApi(kramek, (await setUpInvoicingShop(kramek)).authorization);
    });
    after(() => kramek.close());

    test('the invoice PDF holds everything § 29 asks for, in Czech with diacritics, and QR Platba until it is paid', async () => {
      const { number } = await placeOrder(kramek, { customer: COMPANY_BUYER });
      const invoice = (await api('POST', `/api/admin/orders/${number}/invoice`)).json();
      assert.equal(invoice.issueDate, '2026-03-31');
      const pdf = await text(`/api/admin/invoices/${invoice.id}.pdf`);
      for (const expected of [
        'Faktura – daňový doklad', invoice.number, 'DODAVATEL', 'ODBĚRATEL', 'Čajovna Šťastný s.r.o.', 'Žitná 15', 'IČO: 27074358', 'DIČ: CZ27074358',
        'Firma Dvořák s.r.o.', 'Řehoř Dvořák', 'IČO: 25596641', 'DIČ: CZ25596641', 'Datum vystavení', 'Datum uskutečnění zdanitelného plnění', '31. 3. 2026',
        'Datum splatnosti', '14. 4. 2026', 'Forma úhrady', 'Bankovním převodem', 'Variabilní symbol', number, 'REKAPITULACE DPH', 'Základ', 'DPH', '21 %', '12 %',
        'Celkem k úhradě', '875,00 Kč', 'Čaj Sencha', 'Kniha o čaji', 'QR Platba', '2000145399/2010',
      ]) assert.ok(pdf.includes(expected), `the PDF says "${expected}"`);
      // The recapitulation in CZK: base and VAT per rate.
      assert.match(pdf, /21 %\s+352,89 Kč\s+74,11 Kč\s+427,00 Kč/);
      assert.match(pdf, /12 %\s+400,00 Kč\s+48,00 Kč\s+448,00 Kč/);

      await api('POST', `/api/admin/orders/${number}/payment`, { status: 'paid' });
      const paid = await text(`/api/admin/invoices/${invoice.id}.pdf`);
      assert.ok(paid.includes('Uhrazeno – neplaťte.'));
      assert.ok(!paid.includes('QR Platba'), 'a paid invoice asks for no payment');
      assert.ok(paid.includes(invoice.number) && paid.includes('875,00 Kč'), 'the document itself is the same');
    });

    test('ISDOC of an invoice and of its credit note validates against the official ISDOC 6.0.2 schema', async () => {
      const { number } = await placeOrder(kramek, { customer: COMPANY_BUYER });
      const invoice = (await api('POST', `/api/admin/orders/${number}/invoice`)).json();
      const credit = (await api('POST', `/api/admin/invoices/${invoice.id}/credit-note`, { reason: 'Vrácené zboží – poškozený obal', lines: [{ line: 2, quantity: 1 }] })).json();
      const isdoc = await api('GET', `/api/admin/invoices/${invoice.id}.isdoc`);
      assert.equal(isdoc.status, 200);
      assert.match(String(isdoc.headers['content-disposition']), new RegExp(`faktura-${invoice.number}\\.isdoc`));
      xmllint(isdoc.body, ISDOC_XSD);
      const ns = (path: string) => isdocValue(isdoc.body, path.slice(1));
      assert.equal(ns('/Invoice/DocumentType'), '1');
      assert.equal(ns('/Invoice/ID'), invoice.number);
      assert.equal(ns('/Invoice/TaxPointDate'), '2026-03-31');
      assert.equal(ns('/Invoice/VATApplicable'), 'true');
      assert.equal(ns('/Invoice/LegalMonetaryTotal/TaxInclusiveAmount'), '875.00');
      assert.equal(ns('/Invoice/AccountingCustomerParty/Party/PartyIdentification/ID'), '25596641');
      assert.equal(ns('/Invoice/PaymentMeans/Payment/Details/VariableSymbol'), number);

      const creditIsdoc = (await api('GET', `/api/admin/invoices/${credit.id}.isdoc`)).body;
      xmllint(creditIsdoc, ISDOC_XSD);
      const cn = (path: string) => isdocValue(creditIsdoc, path.slice(1));
      assert.equal(cn('/Invoice/DocumentType'), '2');
      assert.equal(cn('/Invoice/OriginalDocumentReferences/OriginalDocumentReference/ID'), invoice.number);
      assert.equal(cn('/Invoice/Note'), 'Vrácené zboží – poškozený obal');
      assert.equal(cn('/Invoice/LegalMonetaryTotal/TaxInclusiveAmount'), '448.00', 'a credit note states its correction as a positive amount');

      const creditPdf = await text(`/api/admin/invoices/${credit.id}.pdf`);
      for (const expected of ['Opravný daňový doklad', credit.number, 'Opravovaný doklad', invoice.number, 'Důvod opravy: Vrácené zboží – poškozený obal', '-448,00 Kč', 'Celkem opraveno']) {
        assert.ok(creditPdf.includes(expected), `the credit note says "${expected}"`);
      }
    });

    test('the Pohoda export of a range of days validates against the Pohoda XSDs and holds every document of the range', async () => {
      const response = await api('GET', '/api/admin/exports/invoices.xml?from=2026-03-31&to=2026-03-31');
      assert.equal(response.status, 200);
      assert.match(String(response.headers['content-type']), /application\/xml/);
      xmllint(response.body, POHODA_XSD);
      const documents = (await api('GET', '/api/admin/invoices?from=2026-03-31&to=2026-03-31&limit=200')).json().items;
      assert.ok(documents.length >= 3);
      assert.equal((response.body.match(/<inv:invoice /g) ?? []).length, documents.length);
      for (const d of documents) assert.ok(response.body.includes(`<typ:numberRequested checkDuplicity="true">${d.number}</typ:numberRequested>`));
      assert.match(response.body, /<inv:invoiceType>issuedCorrectiveTax<\/inv:invoiceType>/);
      const empty = await api('GET', '/api/admin/exports/invoices.xml?from=2020-01-01&to=2020-01-31');
      xmllint(empty.body, POHODA_XSD);
      assert.doesNotMatch(empty.body, /<inv:invoice /);
      const bad = await api('GET', '/api/admin/exports/invoices.xml?from=2026-04-02&to=2026-04-01');
      assert.equal(bad.status, 422);
      assert.ok(bad.json().error.fields.to);
    });

    test('on Shipped: DUZP is the day of payment when it came first, else the day of shipping', async () => {
      await kramek.core.services.updateSettings({ patch: { invoices: { issueOn: 'shipped' } }, actor: 'test' });
      const prepaid = await placeOrder(kramek);
      await api('POST', `/api/admin/orders/${prepaid.number}/payment`, { status: 'paid' });
      assert.equal((await api('GET', `/api/admin/orders/${prepaid.number}/invoices`)).json().items.length, 0, 'not issued on payment');
      clock.advance(2 * DAY);
      await api('POST', `/api/admin/orders/${prepaid.number}/status`, { status: 'shipped', carrier: 'ppl', trackingNumber: 'PPL1' });
      const [first] = (await api('GET', `/api/admin/orders/${prepaid.number}/invoices`)).json().items;
      assert.equal(first.issueDate, '2026-04-02');
      assert.equal(first.taxableSupplyDate, '2026-03-31', 'paid before shipping: DUZP is the day of payment');

      const cod = await placeOrder(kramek, { paymentMethod: 'cash-on-delivery' });
      await api('POST', `/api/admin/orders/${cod.number}/status`, { status: 'shipped', carrier: 'ppl', trackingNumber: 'PPL2' });
      const [second] = (await api('GET', `/api/admin/orders/${cod.number}/invoices`)).json().items;
      assert.equal(second.taxableSupplyDate, '2026-04-02');
      assert.equal(second.payment.method, 'cash-on-delivery');
      assert.ok((await text(`/api/admin/invoices/${second.id}.pdf`)).includes('Na dobírku'));
      await kramek.core.services.updateSettings({ patch: { invoices: { issueOn: 'manual' } }, actor: 'test' });
    });

    test('simplified documents up to 10 000 Kč when allowed, never for a company; an English order gets English documents', async () => {
      await kramek.core.services.updateSettings({ patch: { invoices: { simplified: true, variableSymbol: 'invoice' } }, actor: 'test' });
      const consumer = await placeOrder(kramek);
      const simplified = (await api('POST', `/api/admin/orders/${consumer.number}/invoice`)).json();
      assert.equal(simplified.simplified, true);
      assert.equal(simplified.title, 'Zjednodušený daňový doklad');
      assert.equal(simplified.variableSymbol, simplified.number.replace(/\D/g, ''));
      assert.equal(isdocValue((await api('GET', `/api/admin/invoices/${simplified.id}.isdoc`)).body, 'Invoice/DocumentType'), '7');
      assert.ok((await text(`/api/admin/invoices/${simplified.id}.pdf`)).includes('Zjednodušený daňový doklad'));
      const company = (await api('POST', `/api/admin/orders/${(await placeOrder(kramek, { customer: COMPANY_BUYER })).number}/invoice`)).json();
      assert.equal(company.simplified, false);

      const english = await kramek.app.inject({ method: 'POST', url: '/api/store/orders', headers: { 'accept-language': 'en' }, payload: { items: [{ sku: 'TEA-1', quantity: 1 }], customer: { email: 'john@example.com', name: 'John Smith', phone: null, company: null, ico: null, dic: null }, billingAddress: { street: 'Long Street 1', city: 'Brno', zip: '602 00', country: 'CZ' }, shippingMethod: 'ppl', paymentMethod: 'bank-transfer', note: null, password: null } });
      const englishOrder = english.json();
      const order = await kramek.core.services.findOrder(englishOrder.number);
      assert.equal(order?.locale, 'en');
      {
        await kramek.core.services.updateSettings({ patch: { invoices: { simplified: false } }, actor: 'test' });
        const invoice = (await api('POST', `/api/admin/orders/${englishOrder.number}/invoice`)).json();
        const pdf = await text(`/api/admin/invoices/${invoice.id}.pdf`);
        for (const expected of ['Invoice – tax document', 'SELLER', 'BUYER', 'Issue date', 'Date of taxable supply', 'Due date', 'Variable symbol', 'Payment method', 'VAT SUMMARY', 'Total to pay']) assert.ok(pdf.includes(expected), `English PDF says "${expected}"`);
      }
      await kramek.core.services.updateSettings({ patch: { invoices: { simplified: false, variableSymbol: 'order' } }, actor: 'test' });
    });

    test('a shop that is not a VAT payer issues invoices without VAT: "Nejsem plátce DPH", ISDOC with VATApplicable false', async () => {
      await kramek.core.services.updateSettings({ patch: { shop: { dic: '' } }, actor: 'test' });
      const { number } = await placeOrder(kramek);
      const invoice = (await api('POST', `/api/admin/orders/${number}/invoice`)).json();
      assert.equal(invoice.vatPayer, false);
      assert.equal(invoice.title, 'Faktura');
      assert.deepEqual(invoice.vat, [{ rate: 0, base: invoice.total, vat: 0, total: invoice.total }]);
      const pdf = await text(`/api/admin/invoices/${invoice.id}.pdf`);
      assert.ok(pdf.includes('Nejsem plátce DPH.'));
      assert.ok(!pdf.includes('REKAPITULACE DPH') && !pdf.includes('Datum uskutečnění zdanitelného plnění') && !pdf.includes('daňový doklad'));
      const isdoc = (await api('GET', `/api/admin/invoices/${invoice.id}.isdoc`)).body;
      xmllint(isdoc, ISDOC_XSD);
      assert.equal(isdocValue(isdoc, 'Invoice/VATApplicable'), 'false');
      const credit = (await api('POST', `/api/admin/invoices/${invoice.id}/credit-note`, { reason: 'Vráceno' })).json();
      assert.equal(credit.title, 'Opravná faktura');
      xmllint((await api('GET', '/api/admin/exports/invoices.xml?from=2026-03-01&to=2026-04-30')).body, POHODA_XSD);
      await kramek.core.services.updateSettings({ patch: { shop: { dic: 'CZ27074358' } }, actor: 'test' });
    });
  });
}
