import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lowestPriorPrice, lowestPriceShown } from './price-history.js';
import { isValidGtin } from './gtin.js';

const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString();

test('the lowest price counts every price in effect during the 30 days before the new one', () => {
  // 100 from day 0, 70 on day 40 for one day, 90 from day 41; the sale to 60 starts on day 60.
  const history = [{ price: 10000, at: day(0) }, { price: 7000, at: day(40) }, { price: 9000, at: day(41) }];
  assert.equal(lowestPriorPrice(history, new Date(day(60))), 7000);
  // Twenty days later the 70 lay more than 30 days before: only the 90 (in effect when the window opened) counts.
  assert.equal(lowestPriorPrice(history, new Date(day(80))), 9000);
  // A price in effect when the window opened counts even though it was set long before.
  assert.equal(lowestPriorPrice([{ price: 12000, at: day(0) }], new Date(day(300))), 12000);
});

test('a new variant has no earlier price, and then the price itself is the lowest shown', () => {
  assert.equal(lowestPriorPrice([], new Date(day(5))), null);
  assert.equal(lowestPriceShown(4900, null), 4900);
  assert.equal(lowestPriceShown(4900, 5900), 5900);
});

test('a price set and replaced at the same instant was never in effect', () => {
  assert.equal(lowestPriorPrice([{ price: 100, at: day(10) }, { price: 500, at: day(10) }], new Date(day(20))), 500);
});

test('EANs are checked by their GS1 check digit', () => {
  assert.equal(isValidGtin('8594061743744'), true);
  assert.equal(isValidGtin('8594061743745'), false);
  assert.equal(isValidGtin('96385074'), true);
  assert.equal(isValidGtin('036000 291452'), true);
  assert.equal(isValidGtin('12345'), false);
});
