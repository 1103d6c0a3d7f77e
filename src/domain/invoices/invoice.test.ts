import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { documentNumberFormatProblem, formatDocumentNumber, literalPart, seriesKey, variableSymbolOf } from './document-number.js';
import { mayBeSimplified, orderLines, taxableSupplyDate, withVat } from './invoice.js';
import { creditNoteLines, remainingOf } from './credit-note.js';
import { splitStreet } from './isdoc.js';
import { documentFilename, documentTitle } from './document-titles.js';

const ORDER = {
  items: [
    { sku: 'TEA-1', name: 'Čaj', quantity: 3, unitPrice: 14900, vatRate: 21, total: 44700 },
    { sku: 'BOOK-1', name: 'Kniha', quantity: 1, unitPrice: 44800, vatRate: 12, total: 44800 },
  ],
  shipping: { code: 'ppl', name: 'PPL', price: 12900, vatRate: 21 },
  payment: { code: 'cod', name: 'Dobírka', price: 0, vatRate: 21 },
};

test('document numbers: patterns with year and sequence, yearly series, the variable symbol from the digits', () => {
  assert.equal(formatDocumentNumber('FV{YYYY}-{SEQ:5}', 2026, 1), 'FV2026-00001');
  assert.equal(formatDocumentNumber('{YY}/{SEQ:4}', 2026, 42), '26/0042');
  assert.equal(seriesKey('invoice', 'FV{YYYY}-{SEQ:5}', 2026), 'invoice:2026');
  assert.equal(seriesKey('credit_note', 'OD{SEQ:6}', 2026), 'credit_note', 'without the year the series never restarts');
  assert.equal(documentNumberFormatProblem('FV{YYYY}-{SEQ:5}'), null);
  assert.equal(documentNumberFormatProblem('FV{YYYY}'), 'document_number_needs_sequence');
  assert.equal(documentNumberFormatProblem('FV{SEQ:2}'), 'document_number_needs_sequence');
  assert.equal(documentNumberFormatProblem('FV {SEQ:5}'), 'document_number_format_invalid');
  assert.equal(documentNumberFormatProblem('Faktura-č{SEQ:5}'), 'document_number_format_invalid');
  assert.equal(documentNumberFormatProblem('FAKTURA-VYDANA-{YYYY}-{SEQ:9}'), 'document_number_too_long');
  assert.equal(literalPart('FV{YYYY}-{SEQ:5}'), literalPart('FV{YY}-{SEQ:3}'));
  assert.equal(variableSymbolOf('FV2026-00001'), '202600001');
  assert.equal(variableSymbolOf('F2026/123456789'), '6123456789', 'at most 10 digits, the last ones');
});

test('invoice lines: shipping and payment only when they cost something; without VAT for a non-payer', () => {
  const lines = orderLines(ORDER, true);
  assert.deepEqual(lines.map((l) => [l.no, l.kind, l.vatRate]), [[1, 'item', 21], [2, 'item', 12], [3, 'shipping', 21]]);
  assert.ok(orderLines(ORDER, false).every((l) => l.vatRate === 0));
});

test('the VAT recapitulation per rate adds up to the total, and the lines of each rate add up to its row', () => {
  fc.assert(
    fc.property(fc.array(fc.record({ quantity: fc.integer({ min: 1, max: 20 }), unitPrice: fc.integer({ min: 1, max: 500_000 }), vatRate: fc.constantFrom(0, 12, 21) }), { minLength: 1, maxLength: 12 }), (raw) => {
      const lines = raw.map((r, i) => ({ no: i + 1, kind: 'item' as const, sku: `S${i}`, name: 'x', quantity: r.quantity, unitPrice: r.unitPrice, vatRate: r.vatRate, total: r.quantity * r.unitPrice, invoiceLine: null }));
      const { lines: priced, vat } = withVat(lines);
      assert.equal(vat.reduce((s, r) => s + r.gross, 0), lines.reduce((s, l) => s + l.total, 0));
      for (const row of vat) {
        assert.equal(row.base + row.vat, row.gross);
        const mine = priced.filter((l) => l.vatRate === row.rate);
        assert.equal(mine.reduce((s, l) => s + l.vat, 0), row.vat);
        assert.equal(mine.reduce((s, l) => s + l.base, 0), row.base);
      }
    }),
    { numRuns: 200 },
  );
});

test('DUZP is the earlier of payment and shipping, else the issue day; simplified only when allowed, ≤ 10 000 Kč and for consumers', () => {
  assert.equal(taxableSupplyDate({ paidOn: '2026-03-02', shippedOn: '2026-03-05', issueDate: '2026-03-06' }), '2026-03-02');
  assert.equal(taxableSupplyDate({ paidOn: null, shippedOn: '2026-03-05', issueDate: '2026-03-06' }), '2026-03-05');
  assert.equal(taxableSupplyDate({ paidOn: null, shippedOn: null, issueDate: '2026-03-06' }), '2026-03-06');
  const consumer = { ico: null, dic: null };
  assert.equal(mayBeSimplified({ allowed: true, vatPayer: true, total: 1_000_000, buyer: consumer }), true);
  assert.equal(mayBeSimplified({ allowed: true, vatPayer: true, total: 1_000_001, buyer: consumer }), false);
  assert.equal(mayBeSimplified({ allowed: true, vatPayer: true, total: 5000, buyer: { ico: '25596641', dic: null } }), false);
  assert.equal(mayBeSimplified({ allowed: false, vatPayer: true, total: 5000, buyer: consumer }), false);
  assert.equal(mayBeSimplified({ allowed: true, vatPayer: false, total: 5000, buyer: consumer }), false);
});

test('crediting a line piece by piece ends at exactly zero; an amount is shared among the rates and never exceeds what is left', () => {
  const invoice = { ...withVat(orderLines(ORDER, true)), total: 102400 };
  const credited: ReturnType<typeof creditNoteLines>['lines'] = [];
  for (let i = 0; i < 3; i++) credited.push(...creditNoteLines(invoice, credited, { reason: 'x', lines: [{ line: 1, quantity: 1 }] }, 'Oprava').lines);
  assert.equal(credited.reduce((s, l) => s + l.total, 0), -44700);
  assert.equal(remainingOf(invoice, credited).lines[0]!.quantity, 0);
  assert.throws(() => creditNoteLines(invoice, credited, { reason: 'x', lines: [{ line: 1, quantity: 1 }] }, 'Oprava'), (e: { fields?: Record<string, string> }) => e.fields?.['lines.0.quantity'] === 'credit_exceeds_invoice');

  const split = creditNoteLines(invoice, credited, { reason: 'Sleva', amount: 1001 }, 'Oprava ceny');
  assert.equal(split.total, -1001);
  assert.deepEqual(split.lines.map((l) => l.vatRate), [21, 12]);
  assert.ok(split.lines.every((l) => l.kind === 'amount' && l.invoiceLine === null && l.name === 'Oprava ceny'));
  const afterAmount = [...credited, ...split.lines];
  // After a correction by amount, the rest is corrected per rate, to exactly zero.
  const rest = creditNoteLines(invoice, afterAmount, { reason: 'Storno' }, 'Oprava ceny');
  assert.equal(rest.fully, true);
  assert.equal(afterAmount.reduce((s, l) => s + l.total, 0) + rest.total, -invoice.total);
  assert.throws(() => creditNoteLines(invoice, [...afterAmount, ...rest.lines], { reason: 'x' }, 'y'), (e: { code?: string }) => e.code === 'invoice_credited');
  assert.throws(() => creditNoteLines(invoice, [], { lines: [] }, 'y'), (e: { fields?: Record<string, string> }) => !!e.fields?.lines);
});

test('ISDOC splits the building number off the street; titles and file names follow the kind of document', () => {
  assert.deepEqual(splitStreet('Dlouhá 12'), { street: 'Dlouhá', building: '12' });
  assert.deepEqual(splitStreet('Náměstí Míru 1234/5a'), { street: 'Náměstí Míru', building: '1234/5a' });
  assert.deepEqual(splitStreet('Lhota'), { street: 'Lhota', building: '' });
  assert.equal(documentTitle({ kind: 'invoice', simplified: false, vatPayer: true }, 'cs'), 'Faktura – daňový doklad');
  assert.equal(documentTitle({ kind: 'invoice', simplified: true, vatPayer: true }, 'cs'), 'Zjednodušený daňový doklad');
  assert.equal(documentTitle({ kind: 'credit_note', simplified: false, vatPayer: true }, 'en'), 'Credit note – tax document');
  assert.equal(documentFilename({ kind: 'credit_note', number: 'OD2026/00001' }, 'cs', 'pdf'), 'opravny-doklad-OD2026-00001.pdf');
});
