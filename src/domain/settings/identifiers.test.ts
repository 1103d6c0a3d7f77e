import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isValidDic, isValidIco, normalizePhone, normalizeZip } from './czech-identifiers.js';
import { bicForCzechBank, czechAccountToIban, formatIban, ibanToCzechAccount, isValidBic, isValidIban, parseCzechAccount } from './bank-account.js';

test('real IČOs pass the checksum, typos fail', () => {
  for (const ico of ['27082440', '26168685', '45274649', '00006947', '25596641']) assert.equal(isValidIco(ico), true, ico);
  for (const ico of ['27082441', '26168658', '12345678', '2708244', 'abcdefgh', '', '270824400', '6947', '1']) assert.equal(isValidIco(ico), false, ico);
});

test('DIČ: CZ + IČO for companies, CZ + birth number for people', () => {
  assert.equal(isValidDic('CZ27082440'), true);
  assert.equal(isValidDic('cz 27082440'), true);
  assert.equal(isValidDic('CZ27082441'), false);
  assert.equal(isValidDic('CZ8001011234'), true);
  assert.equal(isValidDic('SK2020000000'), false);
  assert.equal(isValidDic('27082440'), false);
});

test('real Czech bank accounts pass the mod-11 rule, typos fail', () => {
  assert.deepEqual(parseCzechAccount('2000145399/2010'), { prefix: '', number: '2000145399', bank: '2010' });
  assert.deepEqual(parseCzechAccount('19-2000145399/0800'), { prefix: '19', number: '2000145399', bank: '0800' });
  assert.deepEqual(parseCzechAccount('000019-2000145399/0800'), { prefix: '19', number: '2000145399', bank: '0800' });
  for (const bad of ['2000145398/2010', '2000145399/201', '12-2000145399/0800', '2000145399', '0000000000/0100', 'abc/0100']) assert.equal(parseCzechAccount(bad), null, bad);
});

test('IBAN is validated with mod-97 and derived from and to the Czech form', () => {
  const iban = czechAccountToIban(parseCzechAccount('19-2000145399/0800')!);
  assert.equal(iban, 'CZ6508000000192000145399');
  assert.equal(formatIban(iban), 'CZ65 0800 0000 1920 0014 5399');
  assert.equal(isValidIban('CZ65 0800 0000 1920 0014 5399'), true);
  assert.equal(isValidIban('CZ6508000000192000145398'), false);
  assert.equal(isValidIban('CZ65080000001920001453'), false, 'wrong length for CZ');
  assert.equal(isValidIban('DE89370400440532013000'), true);
  assert.equal(isValidIban('GB82WEST12345698765432'), true);
  assert.deepEqual(ibanToCzechAccount('CZ6508000000192000145399'), { prefix: '19', number: '2000145399', bank: '0800' });
  assert.equal(ibanToCzechAccount('DE89370400440532013000'), null);
  assert.equal(czechAccountToIban(parseCzechAccount('2000145399/2010')!), 'CZ9320100000002000145399');
});

test('BIC: known Czech banks and the format', () => {
  assert.equal(bicForCzechBank('2010'), 'FIOBCZPP');
  assert.equal(bicForCzechBank('9999'), null);
  assert.equal(isValidBic('GIBACZPX'), true);
  assert.equal(isValidBic('KOMBCZPPCRD'), true);
  assert.equal(isValidBic('KOMB'), false);
});

test('PSČ and phone numbers are written the Czech way', () => {
  assert.equal(normalizeZip('11000'), '110 00');
  assert.equal(normalizeZip('110 00'), '110 00');
  assert.equal(normalizeZip('1100'), null);
  assert.equal(normalizePhone('601123456'), '+420 601 123 456');
  assert.equal(normalizePhone('+420 601 123 456'), '+420 601 123 456');
  assert.equal(normalizePhone('00420601123456'), '+420 601 123 456');
  assert.equal(normalizePhone('+421 905 123 456'), '+421905123456');
  assert.equal(normalizePhone('abc'), null);
});
