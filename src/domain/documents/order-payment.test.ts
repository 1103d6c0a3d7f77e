import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accountIban, documentSpayd } from './order-payment.js';
import { documentAddsUp, documentFilename, documentVatSummary, type OrderDocument } from './order-document.js';

const doc = {
  locale: 'cs',
  number: '2026000001',
  total: 123450,
  showBankAccounts: true,
  seller: { name: 'Čajovna U Dvou Koček', legalName: 'Čajovna s.r.o.' },
  bankAccounts: [{ label: 'Fio', number: '2000145399/2010', iban: '', bic: 'FIOBCZPP' }],
  items: [{ sku: 'A', name: 'a', quantity: 2, unitPrice: 50000, vatRate: 21, total: 100000 }],
  shipping: { name: 'PPL', price: 9900, vatRate: 21 },
  payment: { code: 'bank-transfer', name: 'Převodem', price: 0, vatRate: 21, variableSymbol: '2026000001' },
} as unknown as OrderDocument;

test('a bank-transfer document pays to the first usable account, converted from its Czech number', () => {
  assert.equal(accountIban(doc.bankAccounts[0]!), 'CZ9320100000002000145399');
  assert.equal(
    documentSpayd(doc),
    'SPD*1.0*ACC:CZ9320100000002000145399*AM:1234.50*CC:CZK*X-VS:2026000001*RN:CAJOVNA S.R.O.*MSG:OBJEDNAVKA 2026000001',
  );
  assert.equal(accountIban({ label: '', number: '2000145398/2010', iban: '', bic: '' }), null, 'a number failing the mod-11 check');
});

test('no QR code without a bank transfer, without shown accounts or without any usable account', () => {
  assert.equal(documentSpayd({ ...doc, payment: { ...doc.payment, code: 'cash-on-delivery' } }), null);
  assert.equal(documentSpayd({ ...doc, showBankAccounts: false }), null);
  assert.equal(documentSpayd({ ...doc, bankAccounts: [{ label: '', number: 'nonsense', iban: '', bic: '' }] }), null);
});

test('shipping and payment join the VAT summary; the attachment name follows the language', () => {
  assert.deepEqual(documentVatSummary(doc), [{ rate: 21, base: 90826, vat: 19074, gross: 109900 }]);
  assert.ok(!documentAddsUp(doc), '109 900 is not 123 450');
  assert.ok(documentAddsUp({ ...doc, total: 109900 }));
  assert.equal(documentFilename('cs', '2026000001'), 'objednavka-2026000001.pdf');
  assert.equal(documentFilename('en', '2026000001'), 'order-2026000001.pdf');
});
