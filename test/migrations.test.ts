import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openDatabase } from '../src/adapters/db/kysely.js';
import { migrateToLatest } from '../src/adapters/db/migrate.js';
import { DIALECTS } from './support/databases.js';

for (const dialect of DIALECTS) {
  describe(`migrations on ${dialect.name}`, () => {
    test('run up from an empty database, then find nothing left to do', async () => {
      const database = await dialect.create();
      const db = openDatabase(database.target);
      try {
        const applied = await migrateToLatest(db);
        assert.ok(applied.includes('0001-admin'));
        const tables = (await db.introspection.getTables()).map((t) => t.name);
        for (const table of ['admin_users', 'sessions', 'sign_in_attempts', 'api_tokens', 'app_meta']) assert.ok(tables.includes(table), `${table} exists`);
        assert.deepEqual(await migrateToLatest(db), []);

        // Ids are generated and instants come back as the same ISO strings on both databases.
        const at = '2026-11-26T13:05:00.000Z';
        const row = await db
          .insertInto('admin_users')
          .values({ email: 'a@example.cz', name: 'A', password_hash: 'x', role: 'staff', locale: 'cs', created_at: at })
          .returningAll()
          .executeTakeFirstOrThrow();
        assert.equal(typeof row.id, 'number');
        assert.equal(row.created_at, at);
        assert.equal(row.disabled, 0);
        await assert.rejects(
          db.insertInto('admin_users').values({ email: 'a@example.cz', name: 'B', password_hash: 'x', role: 'staff', locale: 'cs', created_at: at }).execute(),
          'email is unique',
        );
      } finally {
        await db.destroy();
        await database.drop();
      }
    });
  });
}
