/** Values the whole installation shares (e.g. the cookie-signing secret), created once by whichever server starts first. */
import { randomBytes } from 'node:crypto';
import type { Db } from './kysely.js';

export async function sharedSecret(db: Db, key: string): Promise<string> {
  await db
    .insertInto('app_meta')
    .values({ key, value: randomBytes(48).toString('base64url') })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db.selectFrom('app_meta').select('value').where('key', '=', key).executeTakeFirstOrThrow();
  return row.value;
}
