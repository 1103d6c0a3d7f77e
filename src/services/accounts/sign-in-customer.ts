/** Checks a customer's email and password with the admin sign-in's throttle (same attempts table, own key space). */
import { DomainError } from '../../domain/errors.js';
import { isLockedOut, windowStart } from '../../domain/admin/sign-in-throttle.js';
import { normalizeEmail } from '../../domain/admin/password-policy.js';
import type { Clock, PasswordHasher, SignInAttemptRepo } from '../ports.js';
import type { AccountRepo, Customer } from './ports.js';

export type CustomerSignInDeps = { accounts: AccountRepo; signInAttempts: SignInAttemptRepo; hasher: PasswordHasher; clock: Clock };

/** Customer attempts are counted apart from admin ones, so failing as a customer never locks out the shop owner. */
export const throttleKey = (email: string) => `customer:${email}`.slice(0, 254);

let dummyHash: Promise<string> | undefined;

export async function signInCustomer(deps: CustomerSignInDeps, input: { email: string; password: string; ip: string }): Promise<Customer> {
  const email = normalizeEmail(input.email);
  const now = deps.clock.now();
  const key = throttleKey(email);
  if (isLockedOut(await deps.signInAttempts.failuresSince(windowStart(now), key, input.ip))) throw new DomainError('too_many_attempts');

  const customer = email ? await deps.accounts.findByEmail(email) : null;
  dummyHash ??= deps.hasher.hash('kramek-dummy-password');
  // Verified against a dummy when there is no account (or no password yet), so every case takes the same time.
  const matches = await deps.hasher.verify(customer?.passwordHash ?? (await dummyHash), input.password);
  const valid = !!customer?.passwordHash && matches;
  await deps.signInAttempts.record({ email: key, ip: input.ip, succeeded: valid && !customer.blocked, at: now });
  if (!valid) throw new DomainError('invalid_credentials');
  if (customer.blocked) throw new DomainError('forbidden', 'account blocked', { email: 'account_blocked' });
  return customer;
}
