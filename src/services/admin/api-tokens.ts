/** Admin API tokens: shown once when created, kept only as a SHA-256 hash (they are long random strings, so a fast hash suffices). */
import { createHash, randomBytes } from 'node:crypto';
import { DomainError } from '../../domain/errors.js';
import { isAdminRole, type AdminRole } from '../../domain/admin/roles.js';
import type { ApiToken, ApiTokenRepo, Clock } from '../ports.js';

const PREFIX = 'kmk_';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createApiToken(
  deps: { apiTokens: ApiTokenRepo; clock: Clock },
  input: { name: string; role?: AdminRole | string },
): Promise<{ token: string; record: ApiToken }> {
  const name = input.name.trim();
  const role = input.role ?? 'owner';
  if (!name || name.length > 200) throw new DomainError('validation', 'token name', { name: 'required' });
  if (!isAdminRole(role)) throw new DomainError('validation', 'token role', { role: 'role_invalid' });
  const token = PREFIX + randomBytes(32).toString('base64url');
  const record = await deps.apiTokens.insert({ name, tokenHash: hashToken(token), role, createdAt: deps.clock.now() });
  return { token, record };
}

export async function verifyApiToken(deps: { apiTokens: ApiTokenRepo; clock: Clock }, token: string): Promise<ApiToken> {
  if (!token.startsWith(PREFIX) || token.length > 200) throw new DomainError('unauthorized');
  const record = await deps.apiTokens.findByHash(hashToken(token));
  if (!record) throw new DomainError('unauthorized');
  const now = deps.clock.now();
  // Recorded at most once a minute, so a busy integration does not write on every call.
  if (!record.lastUsedAt || now.getTime() - Date.parse(record.lastUsedAt) > 60_000) await deps.apiTokens.touch(record.id, now);
  return record;
}
