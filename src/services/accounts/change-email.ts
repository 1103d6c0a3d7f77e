/** Email change: confirmed by a one-time link sent to the new address; the old one stays until then. */
import { DomainError } from '../../domain/errors.js';
import { emailChangeEmail } from '../../domain/accounts/account-emails.js';
import type { DisposableDomains, EmailDomainResolver, PasswordHasher } from '../ports.js';
import { checkNewEmail } from './register-customer.js';
import { issueToken, spendToken, validToken, type TokenDeps } from './account-tokens.js';

export const CONFIRM_EMAIL_PATH = '/ucet/potvrdit-email';

export type EmailChangeDeps = TokenDeps & { hasher: PasswordHasher; emailDomains: EmailDomainResolver; disposableDomains: DisposableDomains };

export async function requestEmailChange(deps: EmailChangeDeps, input: { customerId: number; newEmail: string; password: string; emailChecked?: string }): Promise<string> {
  const customer = await deps.accounts.findById(input.customerId);
  if (!customer) throw new DomainError('not_found');
  if (!customer.passwordHash || !(await deps.hasher.verify(customer.passwordHash, input.password))) throw new DomainError('validation', 'password', { currentPassword: 'password_wrong' });
  const email = await checkNewEmail(deps, input.newEmail, input.emailChecked, 'newEmail');
  if (email === customer.email) throw new DomainError('validation', 'same email', { newEmail: 'email_same' });
  if (await deps.accounts.findByEmail(email)) throw new DomainError('validation', 'taken', { newEmail: 'account_exists' });
  const sent = await issueToken(deps, {
    customerId: customer.id,
    purpose: 'email_change',
    to: email,
    newEmail: email,
    email: (link, shopName) => emailChangeEmail(customer.locale, { shopName, link: link(CONFIRM_EMAIL_PATH), newEmail: email }),
  });
  if (!sent) throw new DomainError('too_many_attempts');
  return email;
}

export async function confirmEmailChange(deps: TokenDeps, input: { token: string }): Promise<{ customerId: number; email: string }> {
  const token = await validToken(deps, input.token, 'email_change');
  await spendToken(deps, token);
  const email = token.newEmail!;
  if (!(await deps.accounts.setEmail(token.customerId, email, deps.clock.now()))) throw new DomainError('account_exists', 'taken', { email: 'account_exists' });
  return { customerId: token.customerId, email };
}
