/** The outbox of HTTP calls in our own database, claimed with a lease like the email outbox (SKIP LOCKED on PostgreSQL). */
import type { Selectable } from 'kysely';
import type { CallOutboxRepo, OutboxCall } from '../../services/marketing/ports.js';
import type { Tx } from '../../services/ports.js';
import { isPostgres, type Db } from './kysely.js';
import { retryOnConnectionLoss } from './connection-retry.js';
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
  const postgres = isPostgres(db);
  return {
    async enqueue(tx: Tx | null, call) {
      const executor = tx ? (tx as unknown as Db) : db;
      const at = call.createdAt.toISOString();
      await executor.insertInto('outbox_calls').values({ kind: call.kind, order_id: call.orderId, url: call.url, body: JSON.stringify(call.body), next_attempt_at: at, created_at: at }).execute();
    },
    async claim({ worker, now, leaseMs, limit }) {
      const at = now.toISOString();
      const rows = await db
        .updateTable('outbox_calls')
        .set((eb) => ({ status: 'sending', claimed_by: worker, claimed_until: new Date(now.getTime() + leaseMs).toISOString(), attempts: eb('attempts', '+', 1) }))
        .where('id', 'in', (eb) => {
          const pick = eb
            .selectFrom('outbox_calls')
            .select('id')
            .where((w) => w.or([w.and([w('status', '=', 'queued'), w('next_attempt_at', '<=', at)]), w.and([w('status', '=', 'sending'), w('claimed_until', '<', at)])]))
            .orderBy('next_attempt_at')
            .orderBy('id')
            .limit(limit);
          return postgres ? pick.forUpdate().skipLocked() : pick;
        })
        .returningAll()
        .execute();
      return rows.map(toCall).sort((a, b) => a.id - b.id);
    },
    async markSent(id, at) {
      // The call has been answered: losing this write would make it again once the lease runs out.
      await retryOnConnectionLoss(() => db.updateTable('outbox_calls').set({ status: 'sent', sent_at: at.toISOString(), claimed_by: null, claimed_until: null, last_error: null }).where('id', '=', id).execute());
    },
    async markFailedAttempt(id, worker, outcome, error) {
      await retryOnConnectionLoss(() =>
        db
          .updateTable('outbox_calls')
          .set({
            status: outcome.status,
            next_attempt_at: (eb) => (outcome.status === 'queued' ? eb.val(outcome.nextAttemptAt.toISOString()) : eb.ref('next_attempt_at')),
            claimed_by: null,
            claimed_until: null,
            last_error: error,
          })
          .where('id', '=', id)
          .where('status', '=', 'sending')
          .where('claimed_by', '=', worker)
          .execute(),
      );
    },
    async forOrder(orderId) {
      return (await db.selectFrom('outbox_calls').selectAll().where('order_id', '=', orderId).orderBy('id').execute()).map(toCall);
    },
  };
}
