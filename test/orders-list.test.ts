import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from './support/databases.js';
import { startKramek, type TestKramek } from './support/kramek.js';
import { Agent } from './support/agent.js';
import { OWNER } from './support/kramek.js';
import { BUYER, placeOrder, setUpShop } from './support/orders.js';

const PEOPLE = [
  { name: 'Alena Malá', email: 'alena@example.cz', phone: '+420 602 111 222' },
  { name: 'Bohumil Velký', email: 'bohous@example.cz', phone: '+420603333444' },
  { name: 'Cecílie Střední', email: 'cecilie@firma.cz', phone: null },
  { name: 'David Dlouhý', email: 'david@example.cz', phone: '+420604555666' },
  { name: 'Eva Krátká', email: 'eva@example.cz', phone: null },
];
const pragueDate = (offsetDays: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Prague' }).format(new Date(Date.now() + offsetDays * 86_400_000));

for (const dialect of DIALECTS) {
  describe(`the order list on ${dialect.name}`, () => {
    let kramek: TestKramek;
    let auth: { authorization: string };
    const numbers: string[] = [];
    const list = async (query: string) => {
      const response = await kramek.app.inject({ method: 'GET', url: `/api/admin/orders?${query}`, headers: auth });
      assert.equal(response.statusCode, 200, response.body);
      return response.json() as { items: { number: string; status: string; createdAt: string; customer: { name: string; email: string }; itemCount: number; total: number; currency: string }[]; nextCursor: string | null };
    };

    before(async () => {
      kramek = await startKramek(dialect);
      auth = await setUpShop(kramek);
      for (const p of PEOPLE) numbers.push((await placeOrder(kramek, { customer: { ...BUYER.customer, ...p } })).number);
      await kramek.core.services.changeOrderStatus({ number: numbers[1]!, status: 'shipped', parcels: [{ carrier: 'zasilkovna', trackingNumber: 'Z-4455' }], notifyCustomer: false, actor: 'test' });
      await kramek.core.services.changeOrderStatus({ number: numbers[2]!, status: 'cancelled', notifyCustomer: false, actor: 'test' });
    });
    after(() => kramek.close());

    test('newest first, as OrderSummary, and keyset paging visits every order once', async () => {
      const all = await list('');
      assert.deepEqual(all.items.map((o) => o.number), [...numbers].reverse());
      assert.deepEqual(Object.keys(all.items[0]!).sort(), ['createdAt', 'currency', 'customer', 'itemCount', 'number', 'paymentStatus', 'status', 'total']);
      assert.equal(all.items[0]!.currency, 'CZK');
      assert.equal(all.items[0]!.itemCount, 3);
      assert.equal(all.nextCursor, null);
      const seen: string[] = [];
      let cursor: string | null = '';
      while (cursor !== null) {
        const page = await list(`limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        assert.ok(page.items.length <= 2);
        seen.push(...page.items.map((o) => o.number));
        cursor = page.nextCursor;
      }
      assert.deepEqual(seen, [...numbers].reverse());
      assert.equal((await kramek.app.inject({ method: 'GET', url: '/api/admin/orders?cursor=%%%', headers: auth })).statusCode, 422);
      assert.equal((await kramek.app.inject({ method: 'GET', url: '/api/admin/orders?limit=0', headers: auth })).statusCode, 422);
      assert.equal((await kramek.app.inject({ method: 'GET', url: '/api/admin/orders?status=lost', headers: auth })).statusCode, 422);
    });

    test('search by number, name, email, phone and tracking number', async () => {
      const only = async (q: string) => (await list(`q=${encodeURIComponent(q)}`)).items.map((o) => o.number);
      assert.deepEqual(await only(numbers[3]!), [numbers[3]]);
      assert.deepEqual(await only('velký'), [numbers[1]]);
      assert.deepEqual(await only('FIRMA.CZ'), [numbers[2]]);
      assert.deepEqual(await only('602111'), [numbers[0]]);
      assert.deepEqual(await only('Z-4455'), [numbers[1]]);
      assert.deepEqual(await only('nikdo-takovy'), []);
      assert.deepEqual(await only('100%_'), []);
    });

    test('filters by status, payment state and date range', async () => {
      assert.deepEqual((await list('status=shipped')).items.map((o) => o.number), [numbers[1]]);
      assert.deepEqual((await list('status=cancelled')).items.map((o) => o.number), [numbers[2]]);
      assert.equal((await list('status=new')).items.length, 3);
      assert.equal((await list('payment=unpaid')).items.length, 5);
      assert.equal((await list('payment=paid')).items.length, 0);
      assert.equal((await list(`from=${pragueDate(0)}&to=${pragueDate(0)}`)).items.length, 5);
      assert.equal((await list(`from=${pragueDate(1)}`)).items.length, 0);
      assert.equal((await list(`to=${pragueDate(-1)}`)).items.length, 0);
      assert.equal((await kramek.app.inject({ method: 'GET', url: '/api/admin/orders?from=včera', headers: auth })).statusCode, 422);
    });

    test('the admin page shows tabs with counts, filters and paging links both ways', async () => {
      const owner = new Agent(kramek.app, '10.9.1.1');
      await owner.signIn(OWNER.email, OWNER.password);
      const page = await owner.get('/admin/objednavky');
      assert.match(page.body, /Všechny <span class="tab-count">5</);
      assert.match(page.body, /Odeslaná <span class="tab-count">1</);
      assert.match(page.body, /class="nav-badge">3</);
      assert.match(page.body, /Bohumil Velký/);
      assert.match(page.body, /class="num">[\d\s\u202f\u00a0]+,\d\d\u00a0Kč</);
      assert.match(page.body, /\d{1,2}\. \d{1,2}\. \d{4} \d{2}:\d{2}/);
      const tab = await owner.get('/admin/objednavky?status=cancelled');
      assert.match(tab.body, /Cecílie Střední/);
      assert.doesNotMatch(tab.body, /Bohumil Velký/);
      const searched = await owner.get('/admin/objednavky?q=bohous');
      assert.match(searched.body, /Bohumil Velký/);
      assert.doesNotMatch(searched.body, /Alena Malá/);
      const none = await owner.get('/admin/objednavky?q=nikdo');
      assert.match(none.body, /Tomuto hledání neodpovídá žádná objednávka/);
      const bad = await owner.get('/admin/objednavky?from=spatne');
      assert.equal(bad.statusCode, 200);
      assert.match(bad.body, /flash-error/);

      // 50 a page: enough orders for a second page, then back.
      for (let i = 0; i < 46; i++) await placeOrder(kramek);
      const first = await owner.get('/admin/objednavky');
      const next = /href="(\/admin\/objednavky\?cursor=[^"]+)"/.exec(first.body)?.[1];
      assert.ok(next, 'a link to older orders');
      const second = await owner.get(next.replace(/&amp;/g, '&'));
      assert.match(second.body, /Alena Malá/);
      const previous = /href="(\/admin\/objednavky\?before=[^"]+)"/.exec(second.body)?.[1];
      assert.ok(previous, 'a link back to newer orders');
      const back = await owner.get(previous.replace(/&amp;/g, '&'));
      assert.equal((back.body.match(/<tr>/g) ?? []).length, (first.body.match(/<tr>/g) ?? []).length);
      assert.doesNotMatch(back.body, /Alena Malá/);
    });

    test('notes (201), emails (202) and the PDF through the API', async () => {
      const number = numbers[4]!;
      const note = await kramek.app.inject({ method: 'POST', url: `/api/admin/orders/${number}/notes`, headers: auth, payload: { text: 'Volat před doručením' } });
      assert.equal(note.statusCode, 201, note.body);
      assert.deepEqual(Object.keys(note.json()).sort(), ['author', 'createdAt', 'id', 'text']);
      assert.equal((await kramek.app.inject({ method: 'POST', url: `/api/admin/orders/${number}/notes`, headers: auth, payload: {} })).statusCode, 422);
      const email = await kramek.app.inject({ method: 'POST', url: `/api/admin/orders/${number}/emails`, headers: auth, payload: { subject: 'Zpoždění', body: 'Omlouváme se.' } });
      assert.equal(email.statusCode, 202, email.body);
      const detail = (await kramek.app.inject({ method: 'GET', url: `/api/admin/orders/${number}`, headers: auth })).json();
      assert.equal(detail.internalNotes.at(-1) ? detail.internalNotes.some((n: { text: string }) => n.text === 'Volat před doručením') : false, true);
      assert.ok(detail.emails.some((e: { kind: string; subject: string }) => e.kind === 'customer_message' && e.subject.includes(number)));
      assert.ok(detail.history.some((h: { kind: string }) => h.kind === 'email'));
      assert.deepEqual(detail.customer.email, 'eva@example.cz');
      const pdf = await kramek.app.inject({ method: 'GET', url: `/api/admin/orders/${number}/document.pdf`, headers: auth });
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
      assert.equal((await kramek.app.inject({ method: 'GET', url: `/api/admin/orders/${number}` })).statusCode, 401);
    });
  });
}
