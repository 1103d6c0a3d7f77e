/** Checks an admin's email and password, refusing locked-out accounts and addresses before any password check. */
import { DomainError } from '../../domain/errors.js';
import { isLockedOut, windowStart } from '../../domain/admin/sign-in-throttle.js';
import { normalizeEmail } from '../../domain/admin/password-policy.js';
import type { AdminUser, AdminUserRepo, Clock, PasswordHasher, SignInAttemptRepo } from '../ports.js';

export type SignInDeps = { adminUsers: AdminUserRepo; signInAttempts: SignInAttemptRepo; hasher: PasswordHasher; clock: Clock };

// Verified against when the email is unknown, so both cases take the same time.
let dummyHash: Promise<string> | undefined;

export async function signInAdmin(deps: SignInDeps, input: { email: string; password: string; ip: string }): Promise<AdminUser> {
  const email = normalizeEmail(input.email);
  const now = deps.clock.now();
  const failures = await deps.signInAttempts.failuresSince(windowStart(now), email, input.ip);
  if (isLockedOut(failures)) throw new DomainError('too_many_attempts');

  const user = await deps.adminUsers.findByEmail(email);
  dummyHash ??= deps.hasher.hash('kramek-dummy-password');
  const matches = await deps.hasher.verify(user?.passwordHash ?? (await dummyHash), input.password);
  const succeeded = !!user && matches && !user.disabled;
  await deps.signInAttempts.record({ email, ip: input.ip, succeeded, at: now });
  if (!succeeded) throw new DomainError('invalid_credentials');
  return user;
}
