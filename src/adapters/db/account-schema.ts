/** Customer account tables as Kysely sees them (migration 0009). */
import type { Generated } from 'kysely';

export interface CustomerTokensTable {
  id: Generated<number>;
  customer_id: number;
  /** `password_reset` or `email_change`. */
  purpose: string;
  /** SHA-256 (hex) of the token sent by email; the token itself is stored nowhere. */
  token_hash: string;
  new_email: string | null;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

export interface AccountTables {
  customer_tokens: CustomerTokensTable;
}
