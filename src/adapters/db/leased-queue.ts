/**
 * The statements of a queue table worked under a lease — the email outbox and the outbox of HTTP calls: claim the due
 * rows, record what became of them. Both tables share these columns; each repo keeps its own rows' shape.
 */
import type { Kysely, Selectable } from 'kysely';
import { isPostgres, type Db } from './kysely.js';
import { retryOnConnectionLoss } from './connection-retry.js';
import type { FailedAttempt } from '../../services/ports.js';

type LeasedRow = {
  id: number;
  status: string;
  attempts: number;
  next_attempt_at: string;
  claimed_by: string | null;
  claimed_until: string | null;
  last_error: string | null;
  sent_at: string | null;
};
export type LeasedTable = 'outbox_emails' | 'outbox_calls';
// Either table seen through its lease columns alone, so one statement serves both (the SQL names the real table).
const leased = (db: Db) => db as unknown as Kysely<{ queue: LeasedRow }>;

/** Claims up to `limit` due rows (queued and due, or claimed by a worker whose lease ran out), oldest due first. */
export async function claimDue<Row>(db: Db, table: LeasedTable, input: { worker: string; now: Date; leaseMs: number; limit: number }): Promise<Row[]> {
  const at = input.now.toISOString();
  const postgres = isPostgres(db);
  const rows = await leased(db)
    .updateTable(table as unknown as 'queue')
    .set((eb) => ({ status: 'sending', claimed_by: input.worker, claimed_until: new Date(input.now.getTime() + input.leaseMs).toISOString(), attempts: eb('attempts', '+', 1) }))
    .where('id', 'in', (eb) => {
      const pick = eb
        .selectFrom(table as unknown as 'queue')
        .select('id')
        .where((w) => w.or([w.and([w('status', '=', 'queued'), w('next_attempt_at', '<=', at)]), w.and([w('status', '=', 'sending'), w('claimed_until', '<', at)])]))
        .orderBy('next_attempt_at')
        .orderBy('id')
        .limit(input.limit);
      // Several workers on PostgreSQL: rows another worker is claiming are skipped, never waited for or taken twice.
      // SQLite runs the whole UPDATE under its one write lock, which serialises workers just as well.
      return postgres ? pick.forUpdate().skipLocked() : pick;
    })
    .returningAll()
    .execute();
  return (rows as Selectable<LeasedRow>[] as unknown as (Row & { id: number | string })[]).sort((a, b) => Number(a.id) - Number(b.id));
}

/** The rows have been delivered: losing this write to a database restart would deliver them again once the lease runs out. */
export async function markDelivered(db: Db, table: LeasedTable, ids: readonly number[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await retryOnConnectionLoss(() =>
    leased(db)
      .updateTable(table as unknown as 'queue')
      .set({ status: 'sent', sent_at: at.toISOString(), claimed_by: null, claimed_until: null, last_error: null })
      .where('id', 'in', ids)
      .execute(),
  );
}

/** A failed attempt: tried again at `nextAttemptAt`, or failed for good. */
export async function markFailedAttempt(db: Db, table: LeasedTable, id: number, worker: string, outcome: FailedAttempt, error: string): Promise<void> {
  await retryOnConnectionLoss(() =>
    leased(db)
      .updateTable(table as unknown as 'queue')
      .set({
        status: outcome.status,
        next_attempt_at: (eb) => (outcome.status === 'queued' ? eb.val(outcome.nextAttemptAt.toISOString()) : eb.ref('next_attempt_at')),
        claimed_by: null,
        claimed_until: null,
        last_error: error,
      })
      // Only the worker holding the claim may record its failure (a row re-claimed after a lease ran out is not its any more).
      .where('id', '=', id)
      .where('status', '=', 'sending')
      .where('claimed_by', '=', worker)
      .execute(),
  );
}
