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
  attachments?: RenderedAttachment[];
};

/** SMTP when SMTP_URL is set, otherwise .eml files in DATA_DIR/mail/. */
export interface Mailer {
  readonly kind: 'smtp' | 'files';
  send(email: OutgoingEmail): Promise<void>;
}

type OutboxKind = import('../domain/mail/outbox-policy.js').OutboxKind;
type OutboxStatus = import('../domain/mail/outbox-policy.js').OutboxStatus;

/** An open database transaction, opaque to services: a `Transactor` hands one out and repos take it back, so an email is queued in the same commit as its cause. */
export type Tx = { readonly __brand: 'Tx' };

export interface Transactor {
  run<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
}

/**
 * What an outbox row attaches; the worker renders it at send time (never the request that queued it). A `qr_png` is
 * an image the HTML part shows inline (`<img src="cid:…">`), made from the QR text stored with the row.
 */
export type AttachmentDescriptor =
  | { kind: 'order_pdf'; orderNumber: string; filename: string }
  | { kind: 'invoice_pdf'; invoiceId: number; filename: string }
  | { kind: 'qr_png'; text: string; filename: string; cid: string };
/** `cid` set: an inline image of the HTML part rather than a file attached to the message. */
export type RenderedAttachment = { filename: string; contentType: string; content: Buffer; cid?: string };

/** Renders attachment descriptors; an error with `permanent: true` (e.g. an unknown kind) stops the retries. */
export interface AttachmentSource {
  render(descriptor: AttachmentDescriptor): Promise<RenderedAttachment>;
}

export type NewOutboxEmail = {
  kind: OutboxKind;
  orderId: number | null;
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
  attachments: AttachmentDescriptor[];
  messageId: string;
  createdAt: Date;
};

export type OutboxEmailSummary = {
  id: number;
  kind: OutboxKind;
  orderId: number | null;
  to: string;
  subject: string;
  messageId: string;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
};

export type OutboxEmail = OutboxEmailSummary & { from: string; text: string; html: string; attachments: AttachmentDescriptor[]; claimedBy: string | null; claimedUntil: string | null };

export type FailedAttempt = { status: 'queued'; nextAttemptAt: Date } | { status: 'failed' };

export interface OutboxRepo {
  /** Inside the caller's transaction (`tx`), or on its own when `tx` is null. */
  enqueue(tx: Tx | null, email: NewOutboxEmail): Promise<OutboxEmail>;
  /** Several emails in one insert, in the given order. */
  enqueueMany(tx: Tx | null, emails: NewOutboxEmail[]): Promise<OutboxEmail[]>;
  /** Takes up to `limit` due emails (and ones whose claim expired) for `worker` until `now + leaseMs`; each is claimed by one worker only. */
  claim(input: { worker: string; now: Date; leaseMs: number; limit: number }): Promise<OutboxEmail[]>;
  /** One email or several at once (a worker's round records its sent emails in one statement). */
  markSent(ids: number | readonly number[], at: Date): Promise<void>;
  markFailedAttempt(id: number, worker: string, outcome: FailedAttempt, error: string): Promise<void>;
  /** "Send again": the same row (and Message-ID) queued anew with a fresh set of tries; null when it is being sent right now or does not exist. */
  requeue(id: number, now: Date): Promise<OutboxEmail | null>;
  findById(id: number): Promise<OutboxEmail | null>;
  /** Newest first; `before` is the id to page back from. */
  list(input: { limit: number; before?: number; orderId?: number }): Promise<OutboxEmailSummary[]>;
}

/**
 * Whether a domain (ASCII form) can receive email: MX records (or A/AAAA), none, or `unknown` — no answer in time, or
 * a resolver that cannot be trusted to deny (it denies well-known domains too). Only `missing` may refuse an address.
 */
export interface EmailDomainResolver {
  check(asciiDomain: string): Promise<'mail' | 'missing' | 'unknown'>;
}

export interface DisposableDomains {
  isDisposable(asciiDomain: string): boolean;
}

/** The saved .eml files of the file transport, for the admin. */
export interface MailArchive {
  read(messageId: string): Promise<string | null>;
}
