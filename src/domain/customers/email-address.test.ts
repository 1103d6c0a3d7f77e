import { test } from 'node:test';
import assert from 'node:assert/strict';
import { editDistance, parseEmailAddress, suggestDomain, suggestEmail } from './email-address.js';

const valid = (input: string) => {
  const result = parseEmailAddress(input);
  assert.ok(result.ok, `${input} is valid`);
  return result.email;
};

test('ordinary addresses pass, trimmed, with the domain in lower case', () => {
  assert.equal(valid('  Jana.Novakova@Example.CZ ').address, 'Jana.Novakova@example.cz');
  assert.equal(valid('info+eshop@obchod.co.uk').asciiDomain, 'obchod.co.uk');
});

test('internationalised domains are accepted and carried in both forms', () => {
  const email = valid('jana@příklad.cz');
  assert.equal(email.domain, 'příklad.cz');
  assert.equal(email.asciiDomain, 'xn--pklad-zsa96e.cz');
  assert.equal(valid('jana@xn--pklad-zsa96e.cz').domain, 'příklad.cz', 'punycode typed in reads as the same domain');
});

test('malformed addresses are refused with email_invalid', () => {
  for (const bad of ['', 'jana', 'jana@', '@example.cz', 'jana@@example.cz', 'jana@example', 'jana novak@example.cz', 'a..b@example.cz', 'jana@example.cz\r\nBcc: x@y.cz', 'Jana <jana@example.cz>', 'jana@-example.cz', `${'x'.repeat(65)}@example.cz`]) {
    assert.deepEqual(parseEmailAddress(bad), { ok: false, code: 'email_invalid' }, JSON.stringify(bad));
  }
});

test('common typos get a suggestion; correct and unrelated domains get none', () => {
  assert.equal(suggestDomain('gmial.com'), 'gmail.com');
  assert.equal(suggestDomain('gmail.con'), 'gmail.com');
  assert.equal(suggestDomain('seznam.cy'), 'seznam.cz');
  assert.equal(suggestDomain('sezanm.cz'), 'seznam.cz');
  assert.equal(suggestDomain('centum.cz'), 'centrum.cz');
  assert.equal(suggestDomain('hotmial.com'), 'hotmail.com');
  assert.equal(suggestDomain('outlok.com'), 'outlook.com');
  assert.equal(suggestDomain('yaho.com'), 'yahoo.com');
  assert.equal(suggestDomain('gmail.com'), null);
  assert.equal(suggestDomain('seznam.cz'), null);
  assert.equal(suggestDomain('email.com'), null, 'a real provider one edit away from gmail.com');
  assert.equal(suggestDomain('kramek.cz'), null);
  assert.equal(suggestEmail(valid('Jana@gmial.com')), 'Jana@gmail.com');
});

test('edit distance counts a swap of neighbours as one edit', () => {
  assert.equal(editDistance('gmial', 'gmail'), 1);
  assert.equal(editDistance('', 'abc'), 3);
  assert.equal(editDistance('kitten', 'sitting'), 3);
});
