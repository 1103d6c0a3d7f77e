/** A cheap fingerprint of the shop's data, to prove a refused request changed nothing. */
import type { TestKramek } from './kramek.js';

/** Row counts of the tables that hold the shop's data (not sessions or sign-in attempts, which a refused post may touch). */
export async function fingerprint(kramek: TestKramek): Promise<Record<string, number>> {
  // On PostgreSQL only this test's own schema: other test runs on the same server have schemas (and tables) of their own.
  const target = kramek.database.target;
  const schema = target.kind === 'postgres' ? target.searchPath : undefined;
  const tables = (await kramek.core.db.introspection.getTables())
    .filter((t) => !schema || t.schema === schema)
    .map((t) => t.name)
    .filter((n) => !/session|attempt|throttle|kysely|sign_in|api_token/.test(n));
  const counts: Record<string, number> = {};
  for (const table of tables.sort()) {
    let query = kramek.core.db.selectFrom(table as 'order_events').select((eb) => eb.fn.countAll<number>().as('n'));
    // Reading a document or an export is logged on the order's timeline by design; that is not a change of data.
    if (table === 'order_events') query = query.where('kind', 'not in', ['document', 'export']);
    const row = await query.executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  const settings = await kramek.core.db.selectFrom('settings' as 'orders').selectAll().execute().catch(() => []);
  counts['settings.version'] = settings.length === 0 ? 0 : Number((settings[0] as unknown as { version?: number }).version ?? 0);
  return counts;
}
