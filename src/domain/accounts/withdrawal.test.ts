import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanReason, withdrawalState } from './withdrawal.js';

const delivered = new Date('2026-11-02T10:00:00Z');
const at = (days: number, ms = 0) => new Date(delivered.getTime() + days * 86_400_000 + ms);

test('open before delivery, to the last millisecond of the 14th day after it, closed after', () => {
  assert.deepEqual(withdrawalState({ status: 'processing', deliveredAt: null, withdrawnAt: null, now: at(30) }), { open: true, until: null });
  assert.equal(withdrawalState({ status: 'shipped', deliveredAt: delivered, withdrawnAt: null, now: at(14) }).open, true);
  assert.deepEqual(withdrawalState({ status: 'completed', deliveredAt: delivered, withdrawnAt: null, now: at(14, 1) }), { open: false, reason: 'withdrawal_closed' });
});

test('never for a cancelled order, never twice', () => {
  assert.deepEqual(withdrawalState({ status: 'cancelled', deliveredAt: null, withdrawnAt: null, now: at(0) }), { open: false, reason: 'withdrawal_cancelled' });
  assert.deepEqual(withdrawalState({ status: 'new', deliveredAt: null, withdrawnAt: at(0), now: at(0) }), { open: false, reason: 'withdrawal_done' });
});

test('the reason is trimmed, bounded and empty means none', () => {
  assert.equal(cleanReason('  \r\n '), null);
  assert.equal(cleanReason(42), null);
  assert.equal(cleanReason(' a\r\nb '), 'a\nb');
  assert.equal(cleanReason('x'.repeat(5000))!.length, 2000);
});
