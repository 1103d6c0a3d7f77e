/** The outbox of HTTP calls in our own database, claimed with a lease like the email outbox (SKIP LOCKED on PostgreSQL). */
import type { Selectable } from 'kysely';
import type { CallOutboxRepo, OutboxCall } from '../../services/marketing/ports.js';
import type { Tx } from '../../services/ports.js';
import type { Db } from './kysely.js';
import { claimDue, markDelivered, markFailedAttempt } from './leased-queue.js';
import type { OutboxCallsTable } from './marketing-schema.js';

const toCall = (r: Selectable<OutboxCallsTable>): OutboxCall => ({
  id: Number(r.id),
  kind: r.kind as OutboxCall['kind'],
  orderId: r.order_id === null ? null : Number(r.order_id),
  url: r.url,
  body: r.body,
  status: r.status as OutboxCall['status'],
  attempts: r.attempts,
  lastError: r.last_error,
  sentAt: r.sent_at,
});

export function callOutboxRepo(db: Db): CallOutboxRepo {
  return {
    async enqueue(tx: Tx | null, call) {
      const executor = tx ? (tx as unknown as Db) : db;
      const at = call.createdAt.toISOString();
      await executor.insertInto('outbox_calls').values({ kind: call.kind, order_id: call.orderId, url: call.url, body: JSON.stringify(call.body), next_attempt_at: at, created_at: at }).execute();
    },
    async claim(input) {
      return (await claimDue<Selectable<OutboxCallsTable>>(db, 'outbox_calls', input)).map(toCall);
    },
    async markSent(id, at) {
      await markDelivered(db, 'outbox_calls', [id], at);
    },
    async markFailedAttempt(id, worker, outcome, error) {
      await markFailedAttempt(db, 'outbox_calls', id, worker, outcome, error);
    },
    async forOrder(orderId) {
      return (await db.selectFrom('outbox_calls').selectAll().where('order_id', '=', orderId).orderBy('id').execute()).map(toCall);
    },
  };
}
