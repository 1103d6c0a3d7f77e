/** Issues and redeems one-time account tokens: random, stored only as a SHA-256 hash, with expiry and single use. */
import { createHash, randomBytes } from 'node:crypto';
import { DomainError } from '../../domain/errors.js';
import { isWellFormedToken, MAX_TOKENS_PER_HOUR, TOKEN_LIFETIME_MS, type TokenPurpose } from '../../domain/accounts/account-tokens.js';
import type { AccountEmail } from '../../domain/accounts/account-emails.js';
import type { Clock, OutboxRepo, Transactor } from '../ports.js';
import { queueEmail } from '../mail/queue-email.js';
import type { SettingsRepo } from '../settings/ports.js';
import { getSettings } from '../settings/get-settings.js';
import { senderAddress } from '../settings/sender-address.js';
import type { AccountRepo, CustomerToken } from './ports.js';

export type TokenDeps = { accounts: AccountRepo; outbox: OutboxRepo; transactor: Transactor; settings: SettingsRepo; clock: Clock; publicUrl: string };

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Stores a new token and queues its email in one transaction; false (and nothing sent) when the account asked for
 * too many within the hour.
 */
export async function issueToken(
  deps: TokenDeps,
  input: { customerId: number; purpose: TokenPurpose; to: string; newEmail?: string | null; email: (link: (path: string) => string, shopName: string) => AccountEmail },
): Promise<boolean> {
  const now = deps.clock.now();
  if ((await deps.accounts.countTokensSince(input.customerId, input.purpose, new Date(now.getTime() - 60 * 60 * 1000))) >= MAX_TOKENS_PER_HOUR) return false;
  const token = randomBytes(32).toString('base64url');
  const settings = await getSettings(deps);
  const mail = input.email((path) => `${deps.publicUrl}${path}/${token}`, settings.shop.name || 'Kramek');
  await deps.transactor.run(async (tx) => {
    await deps.accounts.insertToken(tx, { customerId: input.customerId, purpose: input.purpose, tokenHash: hashToken(token), newEmail: input.newEmail ?? null, expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS[input.purpose]), createdAt: now });
    await queueEmail(deps, tx, { kind: 'customer_account', to: input.to, from: senderAddress(settings), ...mail });
  });
  return true;
}

/** A token that is well formed, known for this purpose, unused and unexpired; otherwise `token_invalid`. */
export async function validToken(deps: Pick<TokenDeps, 'accounts' | 'clock'>, token: string, purpose: TokenPurpose): Promise<CustomerToken> {
  const found = isWellFormedToken(token) ? await deps.accounts.findToken(hashToken(token), purpose) : null;
  if (!found || found.usedAt || new Date(found.expiresAt).getTime() <= deps.clock.now().getTime()) throw new DomainError('not_found', 'token', { token: 'token_invalid' });
  return found;
}

/** Spends the token; of two requests with one token only the first gets through. */
export async function spendToken(deps: Pick<TokenDeps, 'accounts' | 'clock'>, token: CustomerToken): Promise<void> {
  if (!(await deps.accounts.useToken(token.id, deps.clock.now()))) throw new DomainError('not_found', 'token', { token: 'token_invalid' });
}
