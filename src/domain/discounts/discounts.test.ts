import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { allocate } from '../money/allocate.js';
import { splitGross } from '../money/vat.js';
import { discountOf } from './apply-discount.js';
import { discountProblems, unusableReason, type DiscountInput } from './discount-code.js';
import { priceOrder } from '../orders/order-pricing.js';
import { checkoutSummary } from '../cart/checkout-summary.js';


/** A shipping method with only a price (no free-shipping amount, no weight bands), and a bank transfer costing `price`. */
const ship = (price: number) => ({ price, freeFrom: null, weightBands: [], maxWeightGrams: null, codSurcharge: null, vatRate: 21 });
const pay = (price: number) => ({ kind: 'bank-transfer' as const, price, vatRate: 21 });

test('an amount shared by weights adds up exactly, each part within a haléř of its exact share', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 1, maxLength: 6 }), (amount, weights) => {
      const parts = allocate(amount, weights);
      const total = weights.reduce((a, b) => a + b, 0);
      if (total === 0) return parts.every((p) => p === 0);
      assert.equal(parts.reduce((a, b) => a + b, 0), amount);
      parts.forEach((p, i) => assert.ok(Math.abs(p - (amount * weights[i]!) / total) < 1));
      return true;
    }),
  );
  assert.deepEqual(allocate(100, [1, 1, 1]), [34, 33, 33]);
});

test('a percentage of goods at two VAT rates is split in proportion, and the order adds up to the haléř', () => {
  const lines = [
    { sku: 'TEA', name: 'Čaj', quantity: 3, unitPrice: 14900, vatRate: 21 },
    { sku: 'BOOK', name: 'Kniha', quantity: 1, unitPrice: 44800, vatRate: 12 },
  ];
  const price = priceOrder(lines, ship(12900), pay(0), { code: 'JARO10', kind: 'percent', value: 10, eligibleSkus: null });
  // 10 % of 447 + 448 = 895 Kč → 89,50 Kč: 44,70 Kč at 21 % (447/895 of it, rounded) and 44,80 Kč at 12 %.
  assert.deepEqual(price.discount, { code: 'JARO10', kind: 'percent', value: 10, amount: 8950, lines: [{ vatRate: 21, amount: 4470 }, { vatRate: 12, amount: 4480 }] });
  assert.equal(price.total, 44700 + 44800 - 8950 + 12900);
  const summary = checkoutSummary({ items: lines.map((l, i) => ({ ...l, variantId: i, productSlug: '', imageKey: null, weightGrams: null, total: l.unitPrice * l.quantity, issues: [] })), count: 4, itemsTotal: 89500, vat: [], orderable: true }, null, null, { code: 'JARO10', kind: 'percent', value: 10, eligibleSkus: null });
  // Each rate's VAT is worked out from its total after the discount (§ 37): 447 − 44,70 at 21 %, 448 − 44,80 at 12 %.
  assert.deepEqual(summary.vat.map((r) => [r.rate, r.gross, r.vat]), [[21, 40230, splitGross(40230, 21).vat], [12, 40320, splitGross(40320, 12).vat]]);
  assert.equal(summary.total, 80550);
});

test('discounted VAT rows always add up to the discounted goods, whatever the prices', () => {
  fc.assert(
    fc.property(
      fc.array(fc.record({ unitPrice: fc.integer({ min: 1, max: 1_000_000 }), quantity: fc.integer({ min: 1, max: 9 }), vatRate: fc.constantFrom(0, 12, 21) }), { minLength: 1, maxLength: 8 }),
      fc.oneof(fc.record({ kind: fc.constant('percent' as const), value: fc.integer({ min: 1, max: 100 }) }), fc.record({ kind: fc.constant('amount' as const), value: fc.integer({ min: 1, max: 20_000_000 }) })),
      (raw, code) => {
        const lines = raw.map((r, i) => ({ sku: `S${i}`, name: 'x', ...r }));
        const price = priceOrder(lines, ship(0), pay(0), { code: 'X', ...code, eligibleSkus: null });
        const d = price.discount!;
        assert.equal(d.lines.reduce((s, l) => s + l.amount, 0), d.amount);
        assert.ok(d.amount <= price.itemsTotal, 'never more than the goods');
        assert.equal(price.total, price.itemsTotal - d.amount);
        for (const l of d.lines) assert.ok(l.amount <= lines.filter((x) => x.vatRate === l.vatRate).reduce((s, x) => s + x.unitPrice * x.quantity, 0));
        return true;
      },
    ),
  );
});

test('a fixed amount is capped by the goods it applies to, and a scope keeps other goods at full price', () => {
  const lines = [{ sku: 'A', vatRate: 21, total: 10000 }, { sku: 'B', vatRate: 12, total: 50000 }];
  assert.deepEqual(discountOf({ code: 'K', kind: 'amount', value: 30000, eligibleSkus: new Set(['A']) }, lines, 0), { code: 'K', kind: 'amount', value: 30000, amount: 10000, lines: [{ vatRate: 21, amount: 10000 }] });
  assert.equal(discountOf({ code: 'K', kind: 'amount', value: 100, eligibleSkus: new Set(['Z']) }, lines, 0), null);
  const free = priceOrder([{ sku: 'A', name: 'a', quantity: 1, unitPrice: 1000, vatRate: 21 }], ship(12900), pay(3900), { code: 'DOPRAVA', kind: 'free_shipping', value: 0, eligibleSkus: null });
  assert.deepEqual([free.shipping.price, free.discount!.amount, free.discount!.lines, free.total], [0, 12900, [], 1000 + 3900]);
});

test('a code is checked when saved and when used', () => {
  const base: DiscountInput = { code: 'JARO10', kind: 'percent', value: 10, startsAt: null, endsAt: null, minOrder: null, usageLimit: null, perCustomerLimit: null, scope: 'all', scopeIds: [], active: true, note: '' };
  assert.deepEqual(discountProblems(base), {});
  assert.deepEqual(discountProblems({ ...base, code: 'jaro 10', value: 120, scope: 'products', endsAt: '2026-01-01T00:00:00Z', startsAt: '2026-02-01T00:00:00Z' }), {
    code: 'discount_code_invalid',
    value: 'discount_percent_invalid',
    endsAt: 'discount_ends_before_start',
    scopeIds: 'discount_scope_empty',
  });
  const now = new Date('2026-03-01T12:00:00Z');
  const code = { active: true, startsAt: '2026-02-01T00:00:00Z', endsAt: '2026-03-01T12:00:00Z', usageLimit: 5, used: 1 };
  assert.equal(unusableReason(code, now), 'discount_expired', 'the end is exclusive');
  assert.equal(unusableReason({ ...code, endsAt: null, startsAt: '2026-03-02T00:00:00Z' }, now), 'discount_not_started');
  assert.equal(unusableReason({ ...code, endsAt: null, used: 5 }, now), 'discount_used_up');
  assert.equal(unusableReason({ ...code, endsAt: null, active: false }, now), 'discount_unknown');
  assert.equal(unusableReason({ ...code, endsAt: null }, now), null);
});
