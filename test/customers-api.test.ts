import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from './support/databases.js';
import { startKramek, type TestKramek } from './support/kramek.js';
import { setUpShop } from './support/orders.js';
import { createCustomer, orderFor, ownerToken } from './support/customers.js';

type ApiCustomer = { id: number; email: string; name: string; createdAt: string; orderCount: number; totalSpent: number; currency: string };

for (const dialect of DIALECTS) {
  describe(`the customers admin API on ${dialect.name}`, () => {
    let kramek: TestKramek;
    let staff: string;
    let owner: string;
    let tick = Date.parse('2026-11-01T08:00:00.000Z');
    const customers: ApiCustomer[] = [];

    before(async () => {
      // Every call moves the clock a second on, so registrations have distinct, ordered times.
      kramek = await startKramek(dialect, { clock: { now: () => new Date((tick += 1000)) } });
      ({ authorization: staff } = await setUpShop(kramek));
      owner = await ownerToken(kramek);
      const people = [
        { email: 'alena@example.cz', name: 'Alena Malá', phone: '603 111 222', company: 'Malá s.r.o.', ico: '25596641' },
        { email: 'bohus@example.cz', name: 'Bohuslav Dvořák', phone: '+420 604 333 444' },
        { email: 'cyril@example.cz', name: 'Cyril Černý', company: 'Čajovna u Cyrila' },
        { email: 'dana@example.cz', name: 'Dana Veselá', ico: '27082440' },
        { email: 'emil@example.cz', name: 'Emil Horák' },
        { email: 'frantiska@example.cz', name: 'Františka Nová' },
        { email: 'gustav@example.cz', name: 'Gustav Král' },
      ];
      for (const person of people) customers.push((await createCustomer(kramek, staff, person)) as ApiCustomer);
      // Order counts 2, 1, 0, 2, 1, 0, 3 and quantities that make totals differ (and tie for two).
      const plan = [[3, 1], [5], [], [1, 1], [4], [], [1, 1, 1]];
      for (const [i, quantities] of plan.entries()) for (const q of quantities) await orderFor(kramek, customers[i]!, q);
      // A cancelled order is counted but not spent.
      const cancelled = await orderFor(kramek, customers[5]!, 9);
      await kramek.core.db.updateTable('orders').set({ status: 'cancelled' }).where('number', '=', cancelled).execute();
    });
    after(() => kramek.close());

    const get = (url: string, authorization = staff) => kramek.app.inject({ method: 'GET', url, headers: { authorization } });

    async function all(sort: string, limit: number) {
      const seen: ApiCustomer[] = [];
      let cursor: string | null = null;
      for (let pages = 0; pages < 20; pages++) {
        const response = await get(`/api/admin/customers?sort=${sort}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
        assert.equal(response.statusCode, 200, response.body);
        const body = response.json() as { items: ApiCustomer[]; nextCursor: string | null };
        assert.ok(body.items.length <= limit);
        seen.push(...body.items);
        cursor = body.nextCursor;
        if (!cursor) return seen;
      }
      throw new Error('paging never ended');
    }

    test('each sort pages through every customer once, in order, by keyset', async () => {
      const list = await all('registered', 50);
      assert.equal(list.length, 7);
      const byId = new Map(list.map((c) => [c.id, c]));
      assert.deepEqual(customers.map((c) => byId.get(c.id)!.orderCount), [2, 1, 0, 2, 1, 1, 3]);
      const expected = {
        registered: [...list].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id),
        orders: [...list].sort((a, b) => b.orderCount - a.orderCount || b.id - a.id),
        spent: [...list].sort((a, b) => b.totalSpent - a.totalSpent || b.id - a.id),
      };
      for (const [sort, order] of Object.entries(expected)) {
        for (const limit of [1, 2, 3]) {
          const paged = await all(sort, limit);
          assert.deepEqual(paged.map((c) => c.id), order.map((c) => c.id), `${sort} by ${limit}`);
        }
      }
      const frantiska = byId.get(customers[5]!.id)!;
      assert.equal(frantiska.orderCount, 1);
      assert.equal(frantiska.totalSpent, 0, 'a cancelled order is not money spent');
      assert.equal(frantiska.currency, 'CZK');
      assert.ok(byId.get(customers[6]!.id)!.totalSpent > 0);
    });

    test('search finds by name, email, phone (any spacing), company and IČO', async () => {
      const find = async (q: string) => ((await get(`/api/admin/customers?q=${encodeURIComponent(q)}`)).json() as { items: ApiCustomer[] }).items.map((c) => c.email).sort();
      assert.deepEqual(await find('dvořák'), ['bohus@example.cz']);
      assert.deepEqual(await find('DANA@'), ['dana@example.cz']);
      assert.deepEqual(await find('604333'), ['bohus@example.cz']);
      assert.deepEqual(await find('603 111 222'), ['alena@example.cz']);
      assert.deepEqual(await find('u cyrila'), ['cyril@example.cz']);
      assert.deepEqual(await find('27082440'), ['dana@example.cz']);
      assert.deepEqual(await find('100%_'), []);
      assert.deepEqual(await find('example.cz'), customers.map((c) => c.email).sort());
    });

    test('bad list parameters are 422 and change nothing', async () => {
      for (const query of ['sort=name', 'limit=0', 'limit=500', 'cursor=abc', 'sort=orders&cursor=WyJyZWdpc3RlcmVkIiwiMjAyNi0xMS0wMVQwODowMDowMC4wMDBaIiwxXQ']) {
        const response = await get(`/api/admin/customers?${query}`);
        assert.equal(response.statusCode, 422, query);
        assert.equal(response.json().error.code, 'validation');
      }
    });

    test('create, read, partial update and delete; errors are 401, 403, 404, 409 and 422', async () => {
      assert.equal((await kramek.app.inject({ method: 'GET', url: '/api/admin/customers' })).statusCode, 401);
      assert.equal((await kramek.app.inject({ method: 'GET', url: '/api/admin/customers', headers: { authorization: 'Bearer nope' } })).statusCode, 401);

      const bad = await kramek.app.inject({ method: 'POST', url: '/api/admin/customers', headers: { authorization: staff }, payload: { email: 'not-an-email', name: '', ico: '12345678' } });
      assert.equal(bad.statusCode, 422);
      assert.deepEqual(Object.keys(bad.json().error.fields).sort(), ['email', 'ico', 'name']);
      const taken = await kramek.app.inject({ method: 'POST', url: '/api/admin/customers', headers: { authorization: staff }, payload: { email: 'ALENA@example.cz', name: 'Jiná Alena' } });
      assert.equal(taken.statusCode, 409);

      const created = await createCustomer(kramek, staff, { email: 'hana@example.cz', name: 'Hana Krátká', phone: '777888999', billingAddress: { street: 'Krátká 1', city: 'Brno', zip: '60200' } });
      const read = (await get(`/api/admin/customers/${created.id}`)).json();
      assert.equal(read.phone, '+420 777 888 999');
      assert.deepEqual(read.billingAddress, { street: 'Krátká 1', city: 'Brno', zip: '602 00', country: 'CZ' });
      assert.equal(read.orderCount, 0);
      assert.equal(read.hasPassword, false);

      const patched = await kramek.app.inject({ method: 'PATCH', url: `/api/admin/customers/${created.id}`, headers: { authorization: staff }, payload: { company: 'Krátká a syn', note: 'Volat dopoledne.' } });
      assert.equal(patched.statusCode, 200);
      assert.equal(patched.json().company, 'Krátká a syn');
      assert.equal(patched.json().name, 'Hana Krátká', 'fields not sent stay');
      assert.equal(patched.json().phone, '+420 777 888 999');
      const badPatch = await kramek.app.inject({ method: 'PATCH', url: `/api/admin/customers/${created.id}`, headers: { authorization: staff }, payload: { email: 'cyril@example.cz' } });
      assert.equal(badPatch.statusCode, 409);
      assert.equal((await kramek.app.inject({ method: 'PATCH', url: `/api/admin/customers/${created.id}`, headers: { authorization: staff }, payload: { blocked: 'yes' } })).statusCode, 422);
      assert.equal((await get(`/api/admin/customers/${created.id}`)).json().email, 'hana@example.cz');

      assert.equal((await get('/api/admin/customers/999999')).statusCode, 404);
      assert.equal((await get('/api/admin/customers/abc')).statusCode, 404);

      // Deleting anonymises: the owner's; staff are refused and nothing changes.
      assert.equal((await kramek.app.inject({ method: 'DELETE', url: `/api/admin/customers/${created.id}`, headers: { authorization: staff } })).statusCode, 403);
      assert.equal((await get(`/api/admin/customers/${created.id}/export.json`)).statusCode, 403);
      assert.equal((await get(`/api/admin/customers/${created.id}`)).statusCode, 200);
      assert.equal((await kramek.app.inject({ method: 'DELETE', url: `/api/admin/customers/${created.id}`, headers: { authorization: owner } })).statusCode, 204);
      assert.equal((await get(`/api/admin/customers/${created.id}`)).statusCode, 404, 'an account without orders is gone');

      // With orders the account stays, anonymised, and its orders keep their totals.
      const gustav = customers[6]!;
      const before = (await get(`/api/admin/customers/${gustav.id}`)).json();
      assert.equal((await kramek.app.inject({ method: 'DELETE', url: `/api/admin/customers/${gustav.id}`, headers: { authorization: owner } })).statusCode, 204);
      const afterDelete = (await get(`/api/admin/customers/${gustav.id}`)).json();
      assert.equal(afterDelete.anonymized, true);
      assert.equal(afterDelete.name, 'Anonymizovaný zákazník');
      assert.notEqual(afterDelete.email, 'gustav@example.cz');
      assert.equal(afterDelete.orderCount, before.orderCount);
      assert.equal(afterDelete.totalSpent, before.totalSpent);
      assert.equal((await kramek.app.inject({ method: 'PATCH', url: `/api/admin/customers/${gustav.id}`, headers: { authorization: staff }, payload: { name: 'Zpět' } })).statusCode, 409);
    });
  });
}
