/** A @fastify/session store in our own database, so every app server sees the same sessions. */
import type { Db } from './kysely.js';

type Callback<T = void> = (err?: Error | null, value?: T) => void;
type StoredSession = { cookie?: { expires?: string | Date | null } } & Record<string, unknown>;

const DEFAULT_LIFETIME_MS = 12 * 60 * 60 * 1000;

export function databaseSessionStore(db: Db) {
  const expiryOf = (session: StoredSession) => {
    const expires = session.cookie?.expires;
    return expires ? new Date(expires).toISOString() : new Date(Date.now() + DEFAULT_LIFETIME_MS).toISOString();
  };
  return {
    set(id: string, session: StoredSession, callback: Callback) {
      const row = { id, data: JSON.stringify(session), expires_at: expiryOf(session) };
      db.insertInto('sessions')
        .values(row)
        .onConflict((oc) => oc.column('id').doUpdateSet({ data: row.data, expires_at: row.expires_at }))
        .execute()
        .then(() => callback(null), callback);
    },
    get(id: string, callback: Callback<StoredSession | null>) {
      db.selectFrom('sessions')
        .select('data')
        .where('id', '=', id)
        .where('expires_at', '>', new Date().toISOString())
        .executeTakeFirst()
        .then((row) => callback(null, row ? (JSON.parse(row.data) as StoredSession) : null), callback);
    },
    destroy(id: string, callback: Callback) {
      db.deleteFrom('sessions').where('id', '=', id).execute().then(() => callback(null), callback);
    },
  };
}

/** Removes expired sessions; run now and then by the worker. */
export async function deleteExpiredSessions(db: Db, now: Date): Promise<number> {
  const result = await db.deleteFrom('sessions').where('expires_at', '<=', now.toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}
