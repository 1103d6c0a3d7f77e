/** Admin users, sessions, sign-in attempts, API tokens and shared secrets, as Kysely sees them. */
import type { Generated } from 'kysely';

export interface AdminUsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  password_hash: string;
  role: 'owner' | 'staff';
  locale: 'cs' | 'en';
  disabled: Generated<number>;
  created_at: string;
}

export interface SessionsTable {
  id: string;
  data: string;
  expires_at: string;
}

export interface SignInAttemptsTable {
  id: Generated<number>;
  email: string;
  ip: string;
  succeeded: number;
  at: string;
}

export interface ApiTokensTable {
  id: Generated<number>;
  name: string;
  token_hash: string;
  role: 'owner' | 'staff';
  created_at: string;
  last_used_at: string | null;
}

export interface AppMetaTable {
  key: string;
  value: string;
}

export interface AdminTables {
  admin_users: AdminUsersTable;
  sessions: SessionsTable;
  sign_in_attempts: SignInAttemptsTable;
  api_tokens: ApiTokensTable;
  app_meta: AppMetaTable;
}
