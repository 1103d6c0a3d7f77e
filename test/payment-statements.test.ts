/** The statement parsers on real-format samples (test/fixtures/payments): GPC/ABO, camt.053 and Fio JSON read alike. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { StatementError, decimalToMinor } from '../src/domain/payments/bank-movement.js';
import { parseGpc, parseGpcText } from '../src/domain/payments/gpc.js';
import { parseCamt053, symbolFromReference } from '../src/domain/payments/camt053.js';
import { lastMovementId, parseFioStatement } from '../src/domain/payments/fio-json.js';
import { detectFormat, parseStatement } from '../src/domain/payments/statement.js';
import { candidateSymbols, decidePairing } from '../src/domain/payments/pairing.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/payments/${name}`, import.meta.url));

test('GPC/ABO in Windows-1250: every 075 movement with its sign, symbol, message (078) and payer', () => {
  const movements = parseGpc(fixture('vypis-fio.gpc'));
  assert.equal(movements.length, 4);
  const [paid, byMessage, outgoing, unknown] = movements;
  assert.deepEqual(paid, {
    bankId: '24938334622',
    account: '2000145399',
    bookedOn: '2026-03-02',
    amount: 87500,
    currency: 'CZK',
    variableSymbol: '2026000001',
    message: 'Objednávka čaje, děkuji',
    counterparty: '19-2000000123/0800 Jana Nováková',
  });
  assert.equal(byMessage!.variableSymbol, '');
  assert.equal(byMessage!.message, 'platba za obj. 2026000002');
  assert.equal(byMessage!.counterparty, '670100-2201234567/6210 Petr Dvořák');
  assert.equal(outgoing!.amount, -120000, 'accounting code 1 is a debit');
  assert.equal(unknown!.amount, 115000);
});

test('camt.053.001.02: booked entries only, CRDT/DBIT, VS from /VS/… and VS:…, message from Ustrd', () => {
  const movements = parseCamt053(fixture('vypis-camt053.xml').toString('utf8'));
  assert.equal(movements.length, 4, 'the pending entry is left out');
  const [paid, byMessage, outgoing, euro] = movements;
  assert.equal(paid!.bankId, '260302-0815-4471');
  assert.equal(paid!.account, 'CZ6508000000192000145399');
  assert.equal(paid!.amount, 87500);
  assert.equal(paid!.variableSymbol, '2026000001');
  assert.equal(paid!.message, 'Objednávka čaje, děkuji');
  assert.equal(paid!.counterparty, '19-2000000123/0800 Jana Nováková');
  assert.equal(byMessage!.variableSymbol, '', 'NOTPROVIDED is no symbol');
  assert.equal(byMessage!.message, 'platba za obj. 2026000002');
  assert.equal(outgoing!.amount, -120000);
  assert.equal(euro!.currency, 'EUR');
  assert.equal(euro!.variableSymbol, '2026000003');
  assert.equal(symbolFromReference('VS0002026000004'), '2026000004');
});

test('Fio API JSON: column22 id, column1 crowns to haléře exactly, VS without leading zeros, the last id', () => {
  const movements = parseFioStatement(JSON.parse(fixture('fio-last.json').toString('utf8')));
  assert.equal(movements.length, 4);
  assert.equal(movements[0]!.account, '2000145399/2010');
  assert.equal(movements[0]!.amount, 87500);
  assert.equal(movements[0]!.message, 'Objednávka čaje, děkuji');
  assert.equal(movements[2]!.amount, -120000);
  assert.equal(movements[3]!.amount, 115050, '1150.5 Kč');
  assert.equal(movements[3]!.variableSymbol, '2026099');
  assert.equal(lastMovementId(movements), '24938334625');
});

test('the format is told by content; broken files are StatementErrors, never half-read', () => {
  assert.equal(detectFormat(fixture('vypis-fio.gpc')), 'gpc');
  assert.equal(detectFormat(fixture('vypis-camt053.xml')), 'camt053');
  assert.equal(detectFormat(fixture('fio-last.json')), 'fio-json');
  assert.equal(parseStatement(fixture('fio-last.json')).movements.length, 4);
  assert.throws(() => parseStatement(Buffer.from('hello')), StatementError);
  assert.throws(() => parseStatement(Buffer.alloc(0)), StatementError);
  assert.throws(() => parseGpcText('075' + '0'.repeat(125)), /before any 074/);
  const good = fixture('vypis-fio.gpc').toString('latin1').split('\r\n');
  const badAmount = [good[0], `${good[1]!.slice(0, 48)}00000000x500${good[1]!.slice(60)}`].join('\r\n');
  assert.throws(() => parseGpcText(badAmount), /line 2: bad amount/);
  assert.throws(() => parseCamt053('<Document><BkToCstmrStmt><GrpHdr/><Stmt><Ntry><Amt Ccy="CZK">abc</Amt><CdtDbtInd>CRDT</CdtDbtInd></Ntry></Stmt></BkToCstmrStmt></Document>'), /entry 1: bad amount/);
  assert.throws(() => parseCamt053('<Document><oops'), StatementError);
  assert.throws(() => parseFioStatement({ accountStatement: { transactionList: { transaction: [{ column1: { value: 5 } }] } } }), /movement 1/);
});

test('amounts are exact and symbols are found in messages', () => {
  assert.equal(decimalToMinor('0.1'), 10);
  assert.equal(decimalToMinor('-1234,56'), -123456);
  assert.equal(decimalToMinor('1.234'), null);
  assert.deepEqual(candidateSymbols({ variableSymbol: '', message: 'obj. 2026000002, tel 601123456789' }), ['2026000002']);
  assert.deepEqual(candidateSymbols({ variableSymbol: '77', message: 'VS:0077 a 88' }), ['77', '88']);
});

test('pairing outcomes: paid, partial adding up, overpaid, unmatched for the wrong currency, a paid or a cancelled order', () => {
  const order = { id: 1, total: 1000, currency: 'CZK', paymentStatus: 'unpaid', status: 'new' };
  assert.equal(decidePairing({ amount: 1000, currency: 'CZK' }, order, 0).outcome, 'paid');
  assert.equal(decidePairing({ amount: 400, currency: 'CZK' }, order, 0).outcome, 'partial');
  assert.deepEqual(decidePairing({ amount: 600, currency: 'CZK' }, order, 400), { outcome: 'paid', reason: null, markPaid: true, orderId: 1 });
  assert.equal(decidePairing({ amount: 1500, currency: 'CZK' }, order, 0).outcome, 'overpaid');
  assert.equal(decidePairing({ amount: 1000, currency: 'EUR' }, order, 0).reason, 'currency');
  assert.equal(decidePairing({ amount: 1000, currency: 'CZK' }, { ...order, paymentStatus: 'paid' }, 0).reason, 'already_paid');
  assert.equal(decidePairing({ amount: 1000, currency: 'CZK' }, { ...order, status: 'cancelled' }, 0).reason, 'order_cancelled');
  assert.equal(decidePairing({ amount: 1000, currency: 'CZK' }, null, 0).reason, 'no_order');
  assert.equal(decidePairing({ amount: -1000, currency: 'CZK' }, order, 0).outcome, 'outgoing');
});
