import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spayd, spaydText } from './spayd.js';

test('a bank-transfer order becomes the SPAYD string of the spec', () => {
  assert.equal(
    spayd({ iban: 'CZ65 0800 0000 1920 0014 5399', amount: 123450, variableSymbol: '2026000001', message: 'Objednávka 2026000001' }),
    'SPD*1.0*ACC:CZ6508000000192000145399*AM:1234.50*CC:CZK*X-VS:2026000001*MSG:OBJEDNAVKA 2026000001',
  );
});

test('the BIC is joined to the IBAN with a plus; the recipient name is folded to ASCII', () => {
  assert.equal(
    spayd({ iban: 'CZ6508000000192000145399', bic: 'gibaczpx', amount: 5, recipientName: 'Čajovna Šťastný & syn' }),
    'SPD*1.0*ACC:CZ6508000000192000145399+GIBACZPX*AM:0.05*CC:CZK*RN:CAJOVNA STASTNY & SYN',
  );
});

test('asterisks in values are written %2A and never end a field', () => {
  const text = spayd({ iban: 'CZ6508000000192000145399', amount: 100, message: 'a*b**c' });
  assert.ok(text.endsWith('*MSG:A%2AB%2A%2AC'));
  assert.equal(text.split('*').length, 6, 'SPD, 1.0 and four fields');
});

test('messages are cut to 60 characters without splitting an escape; control and non-Latin characters go', () => {
  const long = spaydText('Děkujeme za nákup v našem obchodě, těšíme se na další objednávku!', 60);
  assert.equal(long.length, 60);
  assert.equal(spaydText('x'.repeat(58) + '*', 60), 'X'.repeat(58), 'the escape would not fit, so it is left out');
  assert.equal(spaydText('Řádek\r\nDalší\t日本 ok', 60), 'RADEK DALSI OK');
  assert.equal(spaydText('Žluťoučký kůň úpěl ďábelské ódy', 60), 'ZLUTOUCKY KUN UPEL DABELSKE ODY');
});

test('amounts are written with a dot and two decimals, within the 10 characters of AM', () => {
  assert.match(spayd({ iban: 'CZ6508000000192000145399', amount: 999_999_999 }), /\*AM:9999999\.99\*/);
  assert.match(spayd({ iban: 'CZ6508000000192000145399', amount: 100000 }), /\*AM:1000\.00\*/);
  assert.throws(() => spayd({ iban: 'CZ6508000000192000145399', amount: 1_000_000_000 }), RangeError);
  assert.throws(() => spayd({ iban: 'CZ6508000000192000145399', amount: 0 }), RangeError);
  assert.throws(() => spayd({ iban: 'CZ6508000000192000145399', amount: 1.5 }), RangeError);
});

test('bad IBANs, BICs and variable symbols are refused', () => {
  assert.throws(() => spayd({ iban: 'CZ6508000000192000145398', amount: 100 }), /IBAN/);
  assert.throws(() => spayd({ iban: 'CZ6508000000192000145399', bic: 'NOPE', amount: 100 }), /BIC/);
  assert.throws(() => spayd({ iban: 'CZ6508000000192000145399', amount: 100, variableSymbol: '12345678901' }), /variable symbol/);
  assert.throws(() => spayd({ iban: 'CZ6508000000192000145399', amount: 100, variableSymbol: '12a' }), /variable symbol/);
});
