import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from './support/databases.js';
import { startKramek, type TestKramek } from './support/kramek.js';
import { bulkOrders } from '../bench/support/bulk-orders.js';
import { orderPanelRepo } from '../src/adapters/db/order-panel-repo.js';
import { readListQuery, encodeCursor } from '../src/http/admin/orders/list-query.js';

// The order list as the 1M-order benchmark tunes it: email prefix search on lower(email), keyset paging by row values.
for (const dialect of DIALECTS) {
  describe(`order list search and paging over bulk orders on ${dialect.name}`, () => {
    let kramek: TestKramek;
    let all: { id: number; email: string; created_at: string }[];
    const list = (raw: Record<string, string>) => orderPanelRepo(kramek.core.db).list(readListQuery(raw, 7));

    before(async () => {
      kramek = await startKramek(dialect);
      // Few guests, so guest emails repeat (stored as typed: `Host3.b@Example.net`).
      await bulkOrders(kramek.core.db, { orders: 150, days: 30, seed: 11 });
      all = (await kramek.core.db.selectFrom('orders').select(['id', 'email', 'created_at']).orderBy('created_at', 'desc').orderBy('id', 'desc').execute()).map((o) => ({ ...o, id: Number(o.id) }));
    });
    after(() => kramek.close());

    test('an email finds its orders ignoring case, also by its start; other text still matches anywhere', async () => {
      const guest = all.find((o) => o.email.startsWith('Host'))!.email;
      const wanted = all.filter((o) => o.email.toLowerCase() === guest.toLowerCase()).map((o) => o.id);
      const ids = async (q: string) => (await list({ q, limit: '200' })).items.map((o) => o.id);
      assert.deepEqual(await ids(guest.toUpperCase()), wanted);
      assert.deepEqual(await ids(guest.slice(0, guest.indexOf('@') + 3).toLowerCase()), all.filter((o) => o.email.toLowerCase().startsWith(guest.slice(0, guest.indexOf('@') + 3).toLowerCase())).map((o) => o.id));
      assert.deepEqual(await ids('@example.NET'), all.filter((o) => o.email.toLowerCase().includes('@example.net')).map((o) => o.id));
      assert.deepEqual(await ids('nikdo@example.cz'), []);
      assert.deepEqual(await ids('a%@example.cz'), []);
    });

    test('keyset pages visit every order once, forwards and back', async () => {
      const seen: number[] = [];
      const cursors: string[] = [];
      let cursor = '';
      do {
        const page = await list(cursor ? { cursor } : {});
        seen.push(...page.items.map((o) => o.id));
        cursors.push(cursor);
        cursor = page.next ? encodeCursor(page.next) : '';
      } while (cursor);
      assert.deepEqual(seen, all.map((o) => o.id));
      const third = await list({ cursor: cursors[3]! });
      const back = await list({ before: encodeCursor(third.previous!) });
      assert.deepEqual(back.items.map((o) => o.id), all.slice(14, 21).map((o) => o.id));
    });
  });
}
