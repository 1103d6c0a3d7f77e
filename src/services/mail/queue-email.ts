/** Queues one email in the outbox — inside the caller's transaction, so it commits (or not) together with its cause. */
import { randomUUID } from 'node:crypto';
import { headerSafe, messageIdFor, type OutboxKind } from '../../domain/mail/outbox-policy.js';
import type { AttachmentDescriptor, Clock, NewOutboxEmail, OutboxEmail, OutboxRepo, Tx } from '../ports.js';

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

type QueueDeps = { outbox: OutboxRepo; clock: Clock; publicUrl: string };

export async function queueEmail(deps: QueueDeps, tx: Tx | null, email: EmailToQueue): Promise<OutboxEmail> {
  return (await queueEmails(deps, tx, [email]))[0]!;
}

/** Several emails of one cause (an order's confirmation and the owner's notification) in one insert. */
export function queueEmails(deps: QueueDeps, tx: Tx | null, emails: EmailToQueue[]): Promise<OutboxEmail[]> {
  return deps.outbox.enqueueMany(tx, emails.map((email) => newOutboxEmail(deps, email)));
}

function newOutboxEmail(deps: QueueDeps, email: EmailToQueue): NewOutboxEmail {
  return {
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
  };
}
