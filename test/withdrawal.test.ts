import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from './support/databases.js';
import { OWNER } from './support/kramek.js';
import { BUYER } from './support/orders.js';
import { Agent, csrfTokenOf } from './support/agent.js';
import { buyThroughCheckout, emailsTo, plain, registered, startAccountsKramek, type AccountsKramek } from './support/accounts.js';

const DAY = 24 * 60 * 60 * 1000;

for (const dialect of DIALECTS) {
  describe(`withdrawal from the contract on ${dialect.name}`, () => {
    let kramek: AccountsKramek;
    let seq = 0;
    before(async () => {
      kramek = await startAccountsKramek(dialect);
    });
    after(() => kramek.close());

    /** A guest order through the store API; its tokenised page and a visitor holding the link. */
    async function guestOrder(email: string, locale: 'cs' | 'en' = 'cs') {
      const response = await kramek.app.inject({ method: 'POST', url: '/api/store/orders', headers: { 'accept-language': locale }, payload: { ...BUYER, customer: { ...BUYER.customer, email }, items: [{ sku: 'TEA-1', quantity: 3 }] } });
      assert.equal(response.statusCode, 201, response.body);
      const { number, documentUrl } = response.json() as { number: string; documentUrl: string };
      const token = new URL(documentUrl).searchParams.get('t')!;
      const agent = new Agent(kramek.app, `10.43.0.${++seq}`);
      const q = `?t=${encodeURIComponent(token)}`;
      return { number, agent, page: `/objednavka/${number}${q}`, form: `/objednavka/${number}/odstoupeni${q}` };
    }
    const ship = (number: string) => kramek.core.services.changeOrderStatus({ number, status: 'shipped', parcels: [{ trackingNumber: 'PPL555' }], notifyCustomer: false, actor: 'test' });
    const withdrawals = async (number: string) =>
      kramek.core.db.selectFrom('order_events').innerJoin('orders', 'orders.id', 'order_events.order_id').select(['order_events.text', 'order_events.internal', 'order_events.actor']).where('orders.number', '=', number).where('order_events.kind', '=', 'withdrawal').execute();

    /** A valid CSRF token of the agent's session, from a page that always has a form (a closed withdrawal page has none). */
    const tokenOf = async (agent: Agent) => csrfTokenOf((await agent.get('/ucet/zapomenute-heslo')).body);

    async function withdraw(o: Awaited<ReturnType<typeof guestOrder>>, reason = '') {
      const confirm = await o.agent.get(o.form);
      assert.equal(confirm.statusCode, 200);
      return o.agent.post(o.form, { _csrf: await tokenOf(o.agent), reason });
    }

    test('a guest withdraws before shipping: confirmation step, timeline event, acknowledgement email, the Orders panel sees it', async () => {
      const o = await guestOrder('guest1@example.cz');
      const page = await o.agent.get(o.page);
      assert.match(page.body, /Odstoupit od smlouvy/);
      const confirm = plain((await o.agent.get(o.form)).body);
      assert.match(confirm, /Potvrdit odstoupení od smlouvy/);
      assert.match(confirm, /3 × Čaj Sencha – 100 g/);
      assert.equal((await o.agent.post(o.form, { reason: 'bez tokenu' })).statusCode, 403);
      assert.equal((await withdrawals(o.number)).length, 0);

      const done = await o.agent.post(o.form, { _csrf: csrfTokenOf(confirm), reason: 'Rozmyslel jsem si to <b>' });
      assert.equal(done.statusCode, 303);
      const after = plain((await o.agent.get(String(done.headers.location).replace(/#.*$/, ''))).body);
      assert.match(after, /Odstoupení od smlouvy jsme přijali/);
      assert.match(after, /Od této smlouvy jste již odstoupili/);
      assert.doesNotMatch(after, /<b>/);

      const [event] = await withdrawals(o.number);
      assert.ok(event);
      assert.equal(event.internal, 0);
      assert.match(event.text, /Zákazník odstoupil od smlouvy \(celá objednávka\)/);
      assert.match(event.text, /Důvod: Rozmyslel jsem si to <b>/);

      const [ack] = (await emailsTo(kramek, 'guest1@example.cz')).filter((m) => m.kind === 'withdrawal');
      assert.ok(ack);
      assert.match(ack.subject, new RegExp(`Potvrzení odstoupení od smlouvy – objednávka ${o.number}`));
      const when = new Intl.DateTimeFormat('cs-CZ', { timeZone: 'Europe/Prague', day: 'numeric', month: 'numeric', year: 'numeric' }).format(kramek.clock.now());
      assert.ok(plain(ack.text_body).includes(when), `date ${when} in the email`);
      assert.match(ack.text_body, /\d{1,2}:\d{2}:\d{2}/);
      assert.match(ack.text_body, /3 × Čaj Sencha – 100 g/);
      assert.match(ack.text_body, /Důvod: Rozmyslel jsem si to <b>/);
      assert.doesNotMatch(ack.html_body, /<b>/);

      const admin = new Agent(kramek.app, '10.43.9.9');
      await admin.signIn(OWNER.email, OWNER.password);
      const detail = plain((await admin.get(`/admin/objednavky/${o.number}`)).body);
      assert.match(detail, /class="timeline-withdrawal"/);
      assert.match(detail, /badge badge-withdrawal">Odstoupení od smlouvy/);
      const api = await kramek.app.inject({ method: 'GET', url: `/api/admin/orders/${o.number}`, headers: { authorization: kramek.authorization } });
      assert.ok((api.json() as { history: { kind: string }[] }).history.some((h) => h.kind === 'withdrawal'));
    });

    test('not twice: a second withdrawal is refused and records nothing', async () => {
      const o = await guestOrder('guest2@example.cz');
      assert.equal((await withdraw(o)).statusCode, 303);
      const again = await withdraw(o);
      assert.equal(again.statusCode, 409);
      assert.match(again.body, /Od této smlouvy jste již odstoupili/);
      assert.equal((await withdrawals(o.number)).length, 1);
      assert.equal((await emailsTo(kramek, 'guest2@example.cz')).filter((m) => m.kind === 'withdrawal').length, 1);

      // Two at the same moment (a double-click): one is recorded, one email.
      const twin = await guestOrder('guest2b@example.cz');
      const csrf = await tokenOf(twin.agent);
      const answers = await Promise.all([twin.agent.post(twin.form, { _csrf: csrf }), twin.agent.post(twin.form, { _csrf: csrf })]);
      assert.deepEqual(answers.map((a) => a.statusCode).sort(), [303, 409]);
      assert.equal((await withdrawals(twin.number)).length, 1);
      assert.equal((await emailsTo(kramek, 'guest2b@example.cz')).filter((m) => m.kind === 'withdrawal').length, 1);
    });

    test('within 14 days of delivery it is open, after them closed; a cancelled order cannot be withdrawn from', async () => {
      const late = await guestOrder('guest3@example.cz');
      const inTime = await guestOrder('guest4@example.cz');
      await ship(late.number);
      await ship(inTime.number);
      assert.match(plain((await late.agent.get(late.page)).body), /odstoupit do \d/);
      kramek.clock.advance(13 * DAY);
      assert.equal((await withdraw(inTime, 'pozdě, ale včas')).statusCode, 303);
      kramek.clock.advance(2 * DAY);
      const page = plain((await late.agent.get(late.page)).body);
      assert.match(page, /Lhůta 14 dnů pro odstoupení od smlouvy už uplynula/);
      assert.doesNotMatch(page, /href="[^"]*odstoupeni/);
      const confirm = await late.agent.get(late.form);
      assert.doesNotMatch(confirm.body, /Potvrdit odstoupení/);
      const refused = await late.agent.post(late.form, { _csrf: await tokenOf(late.agent) });
      assert.equal(refused.statusCode, 409);
      assert.equal((await withdrawals(late.number)).length, 0);

      const cancelled = await guestOrder('guest5@example.cz');
      await kramek.core.services.changeOrderStatus({ number: cancelled.number, status: 'cancelled', notifyCustomer: false, actor: 'test' });
      assert.match(plain((await cancelled.agent.get(cancelled.page)).body), /Objednávka je stornovaná/);
      const refusedCancelled = await cancelled.agent.post(cancelled.form, { _csrf: await tokenOf(cancelled.agent) });
      assert.equal(refusedCancelled.statusCode, 409);
      assert.equal((await withdrawals(cancelled.number)).length, 0);
    });

    test('an English order is acknowledged in English', async () => {
      const o = await guestOrder('guest6@example.com', 'en');
      assert.equal((await withdraw(o)).statusCode, 303);
      const [ack] = (await emailsTo(kramek, 'guest6@example.com')).filter((m) => m.kind === 'withdrawal');
      assert.ok(ack);
      assert.match(ack.subject, new RegExp(`Withdrawal from the contract received – order ${o.number}`));
      assert.match(ack.text_body, /Reason: not given/);
    });

    test('a customer withdraws from their account; another customer cannot', async () => {
      const owner = await registered(kramek, '10.43.5.1', 'zakaznik@example.cz');
      const stranger = await registered(kramek, '10.43.5.2', 'cizinec@example.cz');
      const { number } = await buyThroughCheckout(kramek, owner);
      const form = `/ucet/objednavky/${number}/odstoupeni`;
      assert.match((await owner.get(`/ucet/objednavky/${number}`)).body, new RegExp(`href="${form}"`));
      const strangerPage = await stranger.get('/ucet');
      assert.equal((await stranger.get(form)).statusCode, 404);
      assert.equal((await stranger.post(form, { _csrf: csrfTokenOf(strangerPage.body) })).statusCode, 404);
      const confirm = await owner.get(form);
      assert.equal(confirm.statusCode, 200);
      const done = await owner.post(form, { _csrf: csrfTokenOf(confirm.body), reason: 'Nesedí velikost' });
      assert.equal(done.statusCode, 303);
      const [event] = await withdrawals(number);
      assert.match(event!.text, /zákazník \(účet\) zakaznik@example\.cz/);
      assert.match(plain((await owner.get(`/ucet/objednavky/${number}`)).body), /Odstoupení od smlouvy přijato/);
    });
  });
}
