/**
 * The Fio banka download on both databases, against a faithful fake of its API: pairing of what came, at most one call
 * per 30 s (the bank's 409 never provoked), the bookmark moved back after a failed run so nothing is lost or paired
 * twice, the worker job; and the credentials in Configuration, never shown back in full (API, form, change history).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from './support/databases.js';
import { OWNER, startKramek, type TestKramek } from './support/kramek.js';
import { placeOrder } from './support/orders.js';
import { adminApi, setUpInvoicingShop, type Api } from './support/invoices.js';
import { Agent, csrfTokenOf } from './support/agent.js';
import { startFakeFio, type FakeFio } from './support/fake-fio.js';
import { fioHttpApi } from '../src/adapters/payments/fio-api.js';
import { paymentJobs } from '../src/jobs/payment-jobs.js';
import { startWorker } from '../src/jobs/worker.js';

const TOKEN = 'fioTestToken0123456789abcdefABCDEF0123456789';

for (const dialect of DIALECTS) {
  describe(`Fio banka download and masked credentials on ${dialect.name}`, () => {
    let kramek: TestKramek;
    let fio: FakeFio;
    let api: Api;
    let now = Date.parse('2026-03-02T09:00:00Z');
    let nextId = 24938334700;
    const wait30s = () => (now += 30_000);

    before(async () => {
      fio = await startFakeFio({ token: TOKEN, now: () => now });
      kramek = await startKramek(dialect, { clock: { now: () => new Date(now) }, ports: { fio: fioHttpApi({ baseUrl: `${fio.url}/v1/rest`, timeoutMs: 2000 }) } });
      await setUpInvoicingShop(kramek);
      const { token } = await kramek.core.services.createApiToken({ name: 'Majitel', role: 'owner' });
      api = adminApi(kramek, `Bearer ${token}`);
    });
    after(async () => {
      await kramek.close();
      await fio.close();
    });

    test('the token is shown masked in the API, kept when sent back masked, and masked in the change history', async () => {
      const saved = await api('PATCH' as 'POST', '/api/admin/settings', { payments: { fio: { token: TOKEN } } });
      assert.equal(saved.status, 200, saved.body);
      assert.equal(saved.json().payments.fio.token, `••••${TOKEN.slice(-4)}`);
      assert.doesNotMatch(saved.body, new RegExp(TOKEN));
      const read = await api('GET', '/api/admin/settings');
      assert.equal(read.json().payments.fio.token, `••••${TOKEN.slice(-4)}`);
      // The whole document sent back as read (masked) keeps the token.
      assert.equal((await api('PATCH' as 'POST', '/api/admin/settings', read.json())).status, 200);
      assert.equal((await kramek.core.services.getSettings()).payments.fio.token, TOKEN);
      const history = await kramek.core.services.settingsAuditLog(10);
      const change = history.flatMap((e) => e.changes).find((c) => c.path === 'payments.fio.token')!;
      assert.equal(change.to, `••••${TOKEN.slice(-4)}`);
      assert.doesNotMatch(JSON.stringify(history), new RegExp(TOKEN));
      const bad = await api('PATCH' as 'POST', '/api/admin/settings', { payments: { fio: { token: 'short' } } });
      assert.equal(bad.status, 422);
      assert.match(bad.json().error.fields['payments.fio.token'], /20–128 písmen/);

      const agent = new Agent(kramek.app);
      await agent.signIn(OWNER.email, OWNER.password);
      const form = await agent.get('/admin/konfigurace/platby');
      assert.equal(form.statusCode, 200);
      assert.doesNotMatch(form.body, new RegExp(TOKEN));
      assert.match(form.body, new RegExp(`value="••••${TOKEN.slice(-4)}"`));
      const posted = await agent.post('/admin/konfigurace/platby', { _csrf: csrfTokenOf(form.body), 'fio.token': `••••${TOKEN.slice(-4)}`, 'fio.poll': '1', notifyCustomer: '1', 'card.provider': 'none', 'card.merchant': '', 'card.secret': '' });
      assert.equal(posted.statusCode, 303);
      assert.equal((await kramek.core.services.getSettings()).payments.fio.token, TOKEN, 'the masked value sent back keeps the token');
      const historyPage = await agent.get('/admin/konfigurace/historie');
      assert.match(historyPage.body, /Platby › Token Fio API/);
      assert.doesNotMatch(historyPage.body, new RegExp(TOKEN));
    });

    test('a download pairs what came, calls the bank at most once per 30 s, and remembers the last movement', async () => {
      const a = (await kramek.core.services.findOrder((await placeOrder(kramek)).number))!;
      fio.movements.push({ id: ++nextId, day: '2026-03-02', amount: a.total / 100, vs: a.number }, { id: ++nextId, day: '2026-03-02', amount: -50, vs: '1' });
      wait30s();
      const first = await kramek.core.services.pollFio();
      assert.equal(first.status, 'imported');
      assert.equal((await kramek.core.services.findOrder(a.number))!.paymentStatus, 'paid');
      assert.equal((await kramek.core.services.fioSyncState()).lastId, String(nextId));
      const calls = fio.calls.length;
      assert.equal((await kramek.core.services.pollFio()).status, 'too_soon', 'within 30 s the bank is not asked');
      assert.equal(fio.calls.length, calls);
      wait30s();
      const quiet = await kramek.core.services.pollFio();
      assert.equal(quiet.status === 'imported' && quiet.added, 0, 'the bank sends only what is new');
      assert.ok(fio.calls.every((c) => c.startsWith('/v1/rest/last/')));
    });

    test('a run that failed after the download moves the bank bookmark back; the movements come again and are paired once', async () => {
      const b = (await kramek.core.services.findOrder((await placeOrder(kramek)).number))!;
      const before = fio.bookmark();
      fio.movements.push({ id: ++nextId, day: '2026-03-02', amount: b.total / 100, vs: b.number });
      // A download whose processing was lost (the process stopped while storing): the bank's bookmark moved on.
      wait30s();
      assert.equal((await fetch(`${fio.url}/v1/rest/last/${TOKEN}/transactions.json`)).status, 200);
      assert.equal(fio.bookmark(), nextId);
      await kramek.core.db.updateTable('bank_sync').set({ last_result: 'failed: the process stopped' }).where('source', '=', 'fio').execute();
      wait30s();
      const rewound = await kramek.core.services.pollFio();
      assert.deepEqual(rewound, { status: 'rewound', lastId: String(nextId - 1) });
      assert.equal(fio.bookmark(), before);
      assert.match(fio.calls.at(-1)!, new RegExp(`/set-last-id/${TOKEN}/${nextId - 1}/$`));
      wait30s();
      const again = await kramek.core.services.pollFio();
      assert.equal(again.status === 'imported' && again.added, 1);
      assert.equal((await kramek.core.services.findOrder(b.number))!.paymentStatus, 'paid');
    });

    test('a wrong token is reported, not retried within 30 s; the worker job polls on its own', async () => {
      await kramek.core.services.updateSettings({ patch: { payments: { fio: { token: 'wrongToken0123456789wrongToken' } } }, actor: 'test' });
      wait30s();
      const failed = await kramek.core.services.pollFio();
      assert.equal(failed.status, 'failed');
      assert.match((await kramek.core.services.fioSyncState()).lastResult!, /HTTP 500/);
      await kramek.core.services.updateSettings({ patch: { payments: { fio: { token: TOKEN } } }, actor: 'test' });
      const c = (await kramek.core.services.findOrder((await placeOrder(kramek)).number))!;
      fio.movements.push({ id: ++nextId, day: '2026-03-02', amount: c.total / 100, vs: c.number });
      wait30s();
      const log = { info: () => {}, error: () => {} };
      const worker = startWorker(paymentJobs(kramek.core.services), log);
      await worker.stop();
      assert.equal((await kramek.core.services.findOrder(c.number))!.paymentStatus, 'paid');
    });
  });
}
