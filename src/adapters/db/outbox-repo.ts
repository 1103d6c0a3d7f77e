/**
 * The email outbox in our own database. Rows are queued inside the caller's transaction; workers claim due rows with
 * a lease (FOR UPDATE SKIP LOCKED on PostgreSQL, one atomic UPDATE on SQLite), so a killed worker's rows come back.
 */
import type { Selectable } from 'kysely';
import type { AttachmentDescriptor, OutboxEmail, OutboxEmailSummary, OutboxRepo, Transactor, Tx } from '../../services/ports.js';
import type { Db } from './kysely.js';
import { claimDue, markDelivered, markFailedAttempt } from './leased-queue.js';
import type { OutboxEmailsTable } from './outbox-schema.js';

type Row = Selectable<OutboxEmailsTable>;

const SUMMARY_COLUMNS = ['id', 'kind', 'order_id', 'to_address', 'subject', 'message_id', 'status', 'attempts', 'next_attempt_at', 'last_error', 'created_at', 'sent_at'] as const;

const toSummary = (row: Pick<Row, (typeof SUMMARY_COLUMNS)[number]>): OutboxEmailSummary => ({
  id: Number(row.id),
  kind: row.kind,
  orderId: row.order_id === null ? null : Number(row.order_id),
  to: row.to_address,
  subject: row.subject,
  messageId: row.message_id,
  status: row.status,
  attempts: row.attempts,
  nextAttemptAt: row.next_attempt_at,
  lastError: row.last_error,
  createdAt: row.created_at,
  sentAt: row.sent_at,
});

const toEmail = (row: Row): OutboxEmail => ({
  ...toSummary(row),
  from: row.from_address,
  text: row.text_body,
  html: row.html_body,
  attachments: JSON.parse(row.attachments) as AttachmentDescriptor[],
  claimedBy: row.claimed_by,
  claimedUntil: row.claimed_until,
});

/** Due: queued and its time has come, or being sent by a worker whose lease ran out (it died or hung). */
// PostgreSQL may end a transaction that waits on rows in a cycle (deadlock) or cannot be serialized; running it
// again is the documented remedy, and the work given here only touches the database through its transaction.
const RETRYABLE = new Set(['40P01', '40001']);
const MAX_TRIES = 3;

// Transactions that queued an email, and who wants to hear once they commit: the worker of this process waits for
// that instead of asking the database every half second.
const queuedIn = new WeakSet<object>();
const queueListeners = new WeakMap<Db, Set<() => void>>();
const announceQueued = (db: Db) => queueListeners.get(db)?.forEach((listener) => listener());

/** Calls `listener` whenever this process has committed new emails to the outbox of `db`; returns the unsubscribe. */
export function onEmailsQueued(db: Db, listener: () => void): () => void {
  let listeners = queueListeners.get(db);
  if (!listeners) queueListeners.set(db, (listeners = new Set()));
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function kyselyTransactor(db: Db): Transactor {
  return {
    async run(work) {
      for (let attempt = 1; ; attempt++) {
        try {
          let tx: object | undefined;
          const result = await db.transaction().execute((trx) => work((tx = trx) as unknown as Tx));
          if (tx && queuedIn.has(tx)) announceQueued(db);
          return result;
        } catch (error) {
          if (attempt >= MAX_TRIES || !RETRYABLE.has((error as { code?: string }).code ?? '')) throw error;
        }
      }
    },
  };
}

export function outboxRepo(db: Db): OutboxRepo {
  const enqueueMany: OutboxRepo['enqueueMany'] = async (tx, emails) => {
    if (emails.length === 0) return [];
    const executor = tx ? (tx as unknown as Db) : db;
    const rows = await executor
      .insertInto('outbox_emails')
      .values(
        emails.map((email) => ({
          kind: email.kind,
          order_id: email.orderId,
          to_address: email.to,
          from_address: email.from,
          subject: email.subject,
          text_body: email.text,
          html_body: email.html,
          attachments: JSON.stringify(email.attachments),
          message_id: email.messageId,
          next_attempt_at: email.createdAt.toISOString(),
          created_at: email.createdAt.toISOString(),
        })),
      )
      .returningAll()
      .execute();
    if (tx) queuedIn.add(tx);
    else announceQueued(db);
    // Ids are handed out in the order the rows are given; the result keeps that order.
    return rows.map(toEmail).sort((a, b) => a.id - b.id);
  };
  return {
    async enqueue(tx, email) {
      const [queued] = await enqueueMany(tx, [email]);
      return queued!;
    },

    enqueueMany,

    async claim(input) {
      return (await claimDue<Selectable<OutboxEmailsTable>>(db, 'outbox_emails', input)).map(toEmail);
    },

    async markSent(ids, at) {
      await markDelivered(db, 'outbox_emails', typeof ids === 'number' ? [ids] : ids, at);
    },

    async markFailedAttempt(id, worker, outcome, error) {
      await markFailedAttempt(db, 'outbox_emails', id, worker, outcome, error);
    },

    async requeue(id, now) {
      const row = await db
        .updateTable('outbox_emails')
        .set({ status: 'queued', attempts: 0, next_attempt_at: now.toISOString(), claimed_by: null, claimed_until: null })
        .where('id', '=', id)
        .where('status', '!=', 'sending')
        .returningAll()
        .executeTakeFirst();
      return row ? toEmail(row) : null;
    },

    async findById(id) {
      const row = await db.selectFrom('outbox_emails').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toEmail(row) : null;
    },

    async list({ limit, before, orderId }) {
      let query = db.selectFrom('outbox_emails').select(SUMMARY_COLUMNS).orderBy('id', 'desc').limit(limit);
      if (before !== undefined) query = query.where('id', '<', before);
      if (orderId !== undefined) query = query.where('order_id', '=', orderId);
      return (await query.execute()).map(toSummary);
    },
  };
}

/**
 * A worker shutting down hands back what it claimed but did not send: due again at once for any other worker,
 * instead of waiting for the lease to run out. The claim's attempt still counts: a send cut short may have been tried.
 */
export async function releaseOutboxClaims(db: Db, worker: string, now: Date): Promise<number> {
  const result = await db
    .updateTable('outbox_emails')
    .set({ status: 'queued', claimed_by: null, claimed_until: null, next_attempt_at: now.toISOString() })
    .where('status', '=', 'sending')
    .where('claimed_by', '=', worker)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
