import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canTransition, isFinal, nextStates, ORDER_STATUSES, TRANSITIONS, type OrderStatus } from './order-status.js';

const RANK: Record<OrderStatus, number> = { new: 0, processing: 1, shipped: 2, completed: 3, cancelled: 99 };

test('every forward move is allowed, skipping included; every backward move is refused', () => {
  for (const from of ORDER_STATUSES) {
    for (const to of ORDER_STATUSES) {
      const expected = !isFinal(from) && (to === 'cancelled' || (to !== from && RANK[to] > RANK[from] && RANK[to] < 99));
      assert.equal(canTransition(from, to), expected, `${from} → ${to}`);
    }
  }
});

test('personal pick-up goes processing → completed; final statuses lead nowhere', () => {
  assert.equal(canTransition('processing', 'completed'), true);
  assert.deepEqual(nextStates('completed'), []);
  assert.deepEqual(nextStates('cancelled'), []);
  assert.deepEqual(nextStates('shipped'), ['completed', 'cancelled']);
});

test('the table names only known statuses and never a status itself', () => {
  for (const [from, targets] of Object.entries(TRANSITIONS)) {
    for (const to of targets) {
      assert.ok(ORDER_STATUSES.includes(to));
      assert.notEqual(to, from);
    }
  }
});
