import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isLockedOut, MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS, windowStart } from './sign-in-throttle.js';
import { roleAllows } from './roles.js';
import { passwordProblem } from './password-policy.js';

test('an account locks at its failure limit, an address at its own', () => {
  assert.equal(isLockedOut({ account: MAX_FAILURES_PER_ACCOUNT - 1, address: 0 }), false);
  assert.equal(isLockedOut({ account: MAX_FAILURES_PER_ACCOUNT, address: 0 }), true);
  assert.equal(isLockedOut({ account: 0, address: MAX_FAILURES_PER_ADDRESS - 1 }), false);
  assert.equal(isLockedOut({ account: 0, address: MAX_FAILURES_PER_ADDRESS }), true);
});

test('the window is the last 15 minutes', () => {
  assert.equal(windowStart(new Date('2026-11-26T12:00:00Z')).toISOString(), '2026-11-26T11:45:00.000Z');
});

test('staff may do staff work, only the owner owner work', () => {
  assert.equal(roleAllows('owner', 'owner'), true);
  assert.equal(roleAllows('owner', 'staff'), true);
  assert.equal(roleAllows('staff', 'staff'), true);
  assert.equal(roleAllows('staff', 'owner'), false);
});

test('passwords need 10 characters, counted as people count them', () => {
  assert.equal(passwordProblem('123456789'), 'password_too_short');
  assert.equal(passwordProblem('žluťoučký1'), null);
  assert.equal(passwordProblem('x'.repeat(2000)), 'password_too_long');
});
