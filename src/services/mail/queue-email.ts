/** Queues one email in the outbox — inside the caller's transaction, so it commits (or not) together with its cause. */
import { randomUUID } from 'node:crypto';
import { headerSafe, messageIdFor, type OutboxKind } from '../../domain/mail/outbox-policy.js';
import type { AttachmentDescriptor, Clock, OutboxEmail, OutboxRepo, Tx } from '../ports.js';

export type EmailToQueue = {
  kind: OutboxKind;
  orderId?: number | null;
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
  attachments?: AttachmentDescriptor[];
};

export function queueEmail(deps: { outbox: OutboxRepo; clock: Clock; publicUrl: string }, tx: Tx | null, email: EmailToQueue): Promise<OutboxEmail> {
  return deps.outbox.enqueue(tx, {
    kind: email.kind,
    orderId: email.orderId ?? null,
    to: headerSafe(email.to),
    from: headerSafe(email.from),
    subject: headerSafe(email.subject),
    text: email.text,
    html: email.html,
    attachments: email.attachments ?? [],
    messageId: messageIdFor(randomUUID(), deps.publicUrl),
    createdAt: deps.clock.now(),
  });
}
