import { test } from 'node:test';
import assert from 'node:assert/strict';
import { paymentPrice, shippingPrice, totalWeight } from './shipping-price.js';

const method = { price: 7900, freeFrom: 150000, weightBands: [{ overGrams: 5000, price: 11900 }, { overGrams: 10000, price: 15900 }], maxWeightGrams: 15000 };

test('the base price up to the first band, each band above its weight, free above the amount, nothing over the limit', () => {
  assert.equal(shippingPrice(method, { itemsTotal: 10000, weightGrams: 0 }), 7900);
  assert.equal(shippingPrice(method, { itemsTotal: 10000, weightGrams: 5000 }), 7900, 'a band starts above its weight');
  assert.equal(shippingPrice(method, { itemsTotal: 10000, weightGrams: 5001 }), 11900);
  assert.equal(shippingPrice(method, { itemsTotal: 10000, weightGrams: 12000 }), 15900);
  assert.equal(shippingPrice(method, { itemsTotal: 150000, weightGrams: 12000 }), 0, 'free shipping whatever the weight');
  assert.equal(shippingPrice(method, { itemsTotal: 149999, weightGrams: 100 }), 7900);
  assert.equal(shippingPrice(method, { itemsTotal: 200000, weightGrams: 15001 }), null, 'too heavy even when free');
  assert.equal(shippingPrice({ ...method, maxWeightGrams: null, weightBands: [], freeFrom: null }, { itemsTotal: 1, weightGrams: 99_000 }), 7900);
});

test('the weight of lines counts quantities and leaves out variants without a weight', () => {
  assert.equal(totalWeight([{ quantity: 2, weightGrams: 250 }, { quantity: 3, weightGrams: null }, { quantity: 1 }]), 500);
});

test('cash on delivery costs the shipping method surcharge when it sets one, otherwise its own price', () => {
  const cod = { kind: 'cash-on-delivery' as const, price: 3900 };
  assert.equal(paymentPrice(cod, { codSurcharge: 2500 }), 2500);
  assert.equal(paymentPrice(cod, { codSurcharge: 0 }), 0);
  assert.equal(paymentPrice(cod, { codSurcharge: null }), 3900);
  assert.equal(paymentPrice(cod, null), 3900);
  assert.equal(paymentPrice({ kind: 'bank-transfer', price: 0 }, { codSurcharge: 2500 }), 0, 'other payments keep their price');
});
