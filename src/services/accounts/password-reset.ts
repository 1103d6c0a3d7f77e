/** Forgotten password: an emailed one-time link (the answer is the same whether the email has an account or not). */
import { DomainError } from '../../domain/errors.js';
import { normalizeEmail, passwordProblem } from '../../domain/admin/password-policy.js';
import { passwordResetEmail } from '../../domain/accounts/account-emails.js';
import type { PasswordHasher } from '../ports.js';
import { issueToken, spendToken, validToken, type TokenDeps } from './account-tokens.js';

export const RESET_PATH = '/ucet/nove-heslo';

export async function requestPasswordReset(deps: TokenDeps, input: { email: string }): Promise<void> {
  const email = normalizeEmail(input.email);
  const customer = email && email.length <= 254 ? await deps.accounts.findByEmail(email) : null;
  if (!customer || customer.blocked) return;
  await issueToken(deps, { customerId: customer.id, purpose: 'password_reset', to: customer.email, email: (link, shopName) => passwordResetEmail(customer.locale, { shopName, link: link(RESET_PATH) }) });
}

/** Whether a reset link may still be used (for the form page). */
export async function checkResetToken(deps: TokenDeps, token: string): Promise<void> {
  await validToken(deps, token, 'password_reset');
}

export async function resetPassword(deps: TokenDeps & { hasher: PasswordHasher }, input: { token: string; password: string }): Promise<void> {
  const token = await validToken(deps, input.token, 'password_reset');
  const problem = passwordProblem(input.password);
  if (problem) throw new DomainError('validation', 'password', { password: problem });
  const hash = await deps.hasher.hash(input.password);
  await spendToken(deps, token);
  await deps.accounts.setPassword(token.customerId, hash, deps.clock.now());
}
