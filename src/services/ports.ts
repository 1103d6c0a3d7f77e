/** The interfaces services need from the outside world; adapters implement them, main.ts wires them. */
import type { AdminRole } from '../domain/admin/roles.js';

export interface Clock {
  now(): Date;
}

export type AdminUser = {
  id: number;
  email: string;
  name: string;
  role: AdminRole;
  locale: 'cs' | 'en';
  disabled: boolean;
  passwordHash: string;
  createdAt: string;
};

export interface AdminUserRepo {
  findByEmail(email: string): Promise<AdminUser | null>;
  findById(id: number): Promise<AdminUser | null>;
  count(): Promise<number>;
  insert(user: Omit<AdminUser, 'id' | 'disabled'>): Promise<AdminUser>;
}

export interface SignInAttemptRepo {
  failuresSince(since: Date, email: string, ip: string): Promise<{ account: number; address: number }>;
  record(attempt: { email: string; ip: string; succeeded: boolean; at: Date }): Promise<void>;
}

export type ApiToken = { id: number; name: string; role: AdminRole; createdAt: string; lastUsedAt: string | null };

export interface ApiTokenRepo {
  insert(token: { name: string; tokenHash: string; role: AdminRole; createdAt: Date }): Promise<ApiToken>;
  findByHash(tokenHash: string): Promise<ApiToken | null>;
  touch(id: number, at: Date): Promise<void>;
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

/** One email ready to hand to a transport; `messageId` is stable per outbox row, so a retried send can be recognised. */
export type OutgoingEmail = {
  messageId: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments?: { filename: string; contentType: string; content: Buffer }[];
};

/** SMTP when SMTP_URL is set, otherwise .eml files in DATA_DIR/mail/. */
export interface Mailer {
  readonly kind: 'smtp' | 'files';
  send(email: OutgoingEmail): Promise<void>;
}
