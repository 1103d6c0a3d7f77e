/**
 * Checks an email address wherever one is entered (checkout form, store API, registration, email change): syntax
 * (internationalised domains too), a known disposable domain, and whether the domain can receive mail (MX, or A/AAAA).
 * DNS trouble — a timeout, a failing or lying resolver — only warns: a resolver fault must never block a purchase.
 */
import { parseEmailAddress, suggestEmail } from '../../domain/customers/email-address.js';
import type { DisposableDomains, EmailDomainResolver } from '../ports.js';

export type EmailCheckCode = 'email_invalid' | 'email_disposable' | 'email_domain_missing';
export type EmailCheck = {
  ok: boolean;
  code?: EmailCheckCode;
  /** "Did you mean …?" — the address with a common domain it looks like a typo of. */
  suggestion?: string;
  warning?: 'email_domain_unverified';
  /** The address as it should be stored (trimmed, domain in lower case), when the syntax is right. */
  address?: string;
};

export async function validateEmailAddress(deps: { emailDomains: EmailDomainResolver; disposableDomains: DisposableDomains }, input: string): Promise<EmailCheck> {
  const parsed = parseEmailAddress(input);
  if (!parsed.ok) return { ok: false, code: 'email_invalid' };
  const { email } = parsed;
  const suggestion = suggestEmail(email) ?? undefined;
  const base = { address: email.address, ...(suggestion ? { suggestion } : {}) };
  if (deps.disposableDomains.isDisposable(email.asciiDomain)) return { ok: false, code: 'email_disposable', ...base };
  const domain = await deps.emailDomains.check(email.asciiDomain);
  if (domain === 'missing') return { ok: false, code: 'email_domain_missing', ...base };
  if (domain === 'unknown') return { ok: true, warning: 'email_domain_unverified', ...base };
  return { ok: true, ...base };
}
