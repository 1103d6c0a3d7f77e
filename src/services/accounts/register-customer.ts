/** Registration: a checked email (typo suggestion asked once), the password policy, one account per email. */
import { DomainError } from '../../domain/errors.js';
import { normalizeEmail, passwordProblem } from '../../domain/admin/password-policy.js';
import { singleLineText } from '../../domain/validation.js';
import type { Clock, DisposableDomains, EmailDomainResolver, PasswordHasher } from '../ports.js';
import { validateEmailAddress } from '../mail/validate-email-address.js';
import type { AccountRepo, Customer } from './ports.js';

export type RegisterDeps = { accounts: AccountRepo; hasher: PasswordHasher; clock: Clock; emailDomains: EmailDomainResolver; disposableDomains: DisposableDomains };

export type Registration = { email: string; name: string; password: string; locale: 'cs' | 'en'; /** The address the customer already saw a suggestion for and kept. */ emailChecked?: string };

/** Checks an address as every form does; a suggestion refuses once, so the customer sees it before it is used. */
export async function checkNewEmail(deps: Pick<RegisterDeps, 'emailDomains' | 'disposableDomains'>, input: string, checked: string | undefined, field = 'email'): Promise<string> {
  if (!input.trim()) throw new DomainError('validation', 'email', { [field]: 'required' });
  const check = await validateEmailAddress(deps, input);
  if (!check.ok) throw new DomainError('validation', 'email', { [field]: check.code ?? 'email_invalid' }, { params: check.suggestion ? { suggestion: check.suggestion } : undefined });
  const address = normalizeEmail(check.address ?? input);
  if (check.suggestion && checked !== address) throw new DomainError('validation', 'email suggestion', { [field]: 'email_suggestion' }, { params: { suggestion: check.suggestion, address } });
  return address;
}

export async function registerCustomer(deps: RegisterDeps, input: Registration): Promise<Customer> {
  const fields: Record<string, string> = {};
  const name = singleLineText(200).min(1, 'required').safeParse(input.name);
  if (!name.success) fields.name = name.error.issues[0]?.message ?? 'required';
  const problem = passwordProblem(input.password);
  if (problem) fields.password = problem;
  let email = '';
  try {
    email = await checkNewEmail(deps, input.email, input.emailChecked);
  } catch (error) {
    if (!(error instanceof DomainError) || Object.keys(fields).length === 0) throw error;
    Object.assign(fields, error.fields);
  }
  if (Object.keys(fields).length > 0) throw new DomainError('validation', 'registration', fields);
  if (await deps.accounts.findByEmail(email)) throw new DomainError('account_exists', 'account exists', { email: 'account_exists' });

  const now = deps.clock.now();
  const id = await deps.accounts.insert(
    { email, name: name.data!, phone: null, company: null, ico: null, dic: null, billingAddress: null, shippingAddress: null, passwordHash: await deps.hasher.hash(input.password), locale: input.locale },
    now,
  );
  if (id === null) throw new DomainError('account_exists', 'account exists', { email: 'account_exists' });
  return (await deps.accounts.findById(id))!;
}
