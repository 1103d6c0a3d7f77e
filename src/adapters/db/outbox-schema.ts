/** The email outbox as Kysely sees it. */
import type { Generated } from 'kysely';
import type { OutboxKind, OutboxStatus } from '../../domain/mail/outbox-policy.js';

export interface OutboxEmailsTable {
  id: Generated<number>;
  kind: OutboxKind;
  order_id: number | null;
  to_address: string;
  from_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  /** JSON array of attachment descriptors, rendered by the worker at send time. */
  attachments: Generated<string>;
  message_id: string;
  status: Generated<OutboxStatus>;
  attempts: Generated<number>;
  next_attempt_at: string;
  claimed_by: string | null;
  claimed_until: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface OutboxTables {
  outbox_emails: OutboxEmailsTable;
}
