import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatMoney, parseMoneyInput, roundMinor } from './money.js';
import { splitGross, totalsOf, vatSummary } from './vat.js';

test('rounding is half away from zero', () => {
  assert.equal(roundMinor(2.5), 3);
  assert.equal(roundMinor(2.4999), 2);
  assert.equal(roundMinor(-2.5), -3);
  assert.equal(roundMinor(0), 0);
});

test('Czech money format: narrow no-break spaces, decimal comma, Kč', () => {
  assert.equal(formatMoney(123450), '1\u202F234,50\u00A0Kč');
  assert.equal(formatMoney(123400, 'cs', { whole: true }), '1\u202F234\u00A0Kč');
  assert.equal(formatMoney(123450, 'cs', { whole: true }), '1\u202F234,50\u00A0Kč');
  assert.equal(formatMoney(5), '0,05\u00A0Kč');
  assert.equal(formatMoney(-1999), '-19,99\u00A0Kč');
  assert.equal(formatMoney(123456789), '1\u202F234\u202F567,89\u00A0Kč');
  assert.equal(formatMoney(123450, 'en'), 'CZK\u00A01,234.50');
  assert.throws(() => formatMoney(1.5));
});

test('amounts typed the Czech or English way are read back', () => {
  assert.equal(parseMoneyInput('1 234,50'), 123450);
  assert.equal(parseMoneyInput('1234.5'), 123450);
  assert.equal(parseMoneyInput('99 Kč'), 9900);
  assert.equal(parseMoneyInput('1\u00A0299,9 Kč'), 129990);
  assert.equal(parseMoneyInput('0,05'), 5);
  assert.equal(parseMoneyInput('12,345'), null);
  assert.equal(parseMoneyInput('abc'), null);
  assert.equal(parseMoneyInput(''), null);
});

test('VAT is taken out of gross prices and rounded to haléře', () => {
  assert.deepEqual(splitGross(12100, 21), { base: 10000, vat: 2100, gross: 12100 });
  assert.deepEqual(splitGross(11200, 12), { base: 10000, vat: 1200, gross: 11200 });
  assert.deepEqual(splitGross(9990, 21), { base: 8256, vat: 1734, gross: 9990 }); // 1733.8 → 1734
  assert.deepEqual(splitGross(5000, 0), { base: 5000, vat: 0, gross: 5000 });
});

test('the VAT summary is computed per rate from that rate’s total, not line by line', () => {
  // Three lines of 0.99 Kč at 21 %: line by line 3 × 0.17 = 0.51, from the total 2.97 → 0.52.
  const summary = vatSummary([
    { gross: 99, vatRate: 21 },
    { gross: 99, vatRate: 21 },
    { gross: 99, vatRate: 21 },
    { gross: 11200, vatRate: 12 },
  ]);
  assert.deepEqual(summary, [
    { rate: 21, base: 245, vat: 52, gross: 297 },
    { rate: 12, base: 10000, vat: 1200, gross: 11200 },
  ]);
  assert.deepEqual(totalsOf(summary), { base: 10245, vat: 1252, gross: 11497 });
  assert.deepEqual(vatSummary([]), []);
});
