import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from './support/databases.js';
import { startKramek, type TestKramek } from './support/kramek.js';
import { housekeepingJobs } from '../src/jobs/worker.js';

const NOW = new Date('2026-12-01T10:00:00.000Z');
const daysBefore = (days: number) => new Date(NOW.getTime() - days * 24 * 3600 * 1000).toISOString();

for (const dialect of DIALECTS) {
  describe(`housekeeping on ${dialect.name}`, () => {
    let kramek: TestKramek;
    before(async () => (kramek = await startKramek(dialect)));
    after(() => kramek.close());
    const run = async (name: string) => {
      const job = housekeepingJobs(kramek.core.db, { now: () => NOW }).find((j) => j.name === name);
      assert.ok(job, name);
      await job.run();
    };

    test('customer tokens go a week after they expired; newer ones stay', async () => {
      const db = kramek.core.db;
      const customer = await db.insertInto('customers').values({ email: 'token@example.cz', name: 'Tomáš Token', created_at: daysBefore(100), updated_at: daysBefore(100) }).returning('id').executeTakeFirstOrThrow();
      const token = (hash: string, expires: string) => ({ customer_id: customer.id, purpose: 'password_reset', token_hash: hash.repeat(64), expires_at: expires, created_at: daysBefore(30) });
      await db.insertInto('customer_tokens').values([token('a', daysBefore(8)), token('b', daysBefore(6)), token('c', daysBefore(-1))]).execute();
      await run('forget-expired-customer-tokens');
      const left = (await db.selectFrom('customer_tokens').select('token_hash').where('customer_id', '=', customer.id).orderBy('token_hash').execute()).map((t) => t.token_hash[0]);
      assert.deepEqual(left, ['b', 'c']);
    });

    test('a cart untouched for 30 days goes with its lines; a recent one stays whole', async () => {
      const db = kramek.core.db;
      await kramek.core.services.createProduct({ name: 'Hrnek', slug: '', description: '', vatRate: 21, active: true, categoryIds: [], variants: [{ sku: 'MUG-H', name: '', price: 19900, stock: 5, compareAtPrice: null, weightGrams: null }] });
      const variant = await db.selectFrom('variants').select('id').where('sku', '=', 'MUG-H').executeTakeFirstOrThrow();
      for (const [id, touched] of [['stary', daysBefore(31)], ['novy', daysBefore(29)]] as const) {
        await db.insertInto('carts').values({ id, created_at: daysBefore(40), updated_at: touched }).execute();
        await db.insertInto('cart_lines').values({ cart_id: id, variant_id: variant.id, quantity: 1, seen_price: 19900, added_at: daysBefore(40) }).execute();
      }
      await run('forget-abandoned-carts');
      assert.deepEqual((await db.selectFrom('carts').select('id').execute()).map((c) => c.id), ['novy']);
      assert.deepEqual((await db.selectFrom('cart_lines').select('cart_id').execute()).map((l) => l.cart_id), ['novy']);
    });
  });
}
