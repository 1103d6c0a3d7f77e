/**
 * Bank statements paired with orders on both databases: GPC, camt.053 and Fio JSON; paid (invoice, timeline, email),
 * found by the message, partial payments adding up, overpaid, unmatched, outgoing; a statement imported twice changes
 * nothing; pairing by hand and ignoring; the admin page (upload, confirmation, CSRF, sign-in) and the CLI.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DIALECTS, postgresUrlWithSchema } from './support/databases.js';
import { OWNER, startKramek, type TestKramek } from './support/kramek.js';
import { outboxOf, placeOrder } from './support/orders.js';
import { invoiceCount, setUpInvoicingShop } from './support/invoices.js';
import { Agent, csrfTokenOf } from './support/agent.js';
import { multipartBody } from './support/multipart.js';
import { camtStatement, fioJsonStatement, gpcStatement } from './support/statements.js';

for (const dialect of DIALECTS) {
  describe(`bank statement pairing on ${dialect.name}`, () => {
    let kramek: TestKramek;
    let movementId = 1000;
    const nextId = () => String(++movementId);
    const order = async () => {
      const placed = await placeOrder(kramek);
      return (await kramek.core.services.findOrder(placed.number))!;
    };
    const state = async (number: string) => (await kramek.core.services.findOrder(number))!.paymentStatus;
    const events = async (number: string) => (await kramek.core.services.adminOrder(number)).timeline.filter((e) => e.kind === 'payment');
    const fingerprint = async () => ({
      movements: Number((await kramek.core.db.selectFrom('bank_movements').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
      events: Number((await kramek.core.db.selectFrom('order_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
      emails: Number((await kramek.core.db.selectFrom('outbox_emails').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
      invoices: await invoiceCount(kramek),
    });

    before(async () => {
      kramek = await startKramek(dialect);
      await setUpInvoicingShop(kramek, { issueOn: 'paid' });
    });
    after(() => kramek.close());

    test('a GPC statement pays, finds the symbol in the message, keeps partial, unmatched and outgoing movements; twice changes nothing', async () => {
      const [a, b, c] = [await order(), await order(), await order()];
      const bytes = gpcStatement([
        { id: nextId(), amount: a.total, vs: a.number, message: 'Objednávka čaje' },
        { id: nextId(), amount: b.total, message: `platba za obj. ${b.number}` },
        { id: nextId(), amount: c.total - 10000, vs: c.number },
        { id: nextId(), amount: 50000, vs: '9999999999' },
        { id: nextId(), amount: -120000, vs: '12345' },
      ]);
      const summary = await kramek.core.services.importStatement({ bytes, actor: 'test' });
      assert.deepEqual({ ...summary }, { format: 'gpc', movements: 5, added: 5, duplicates: 0, paid: 2, partial: 1, overpaid: 0, unmatched: 1, outgoing: 1 });
      assert.equal(await state(a.number), 'paid');
      assert.equal(await state(b.number), 'paid', 'found by the order number in the message');
      assert.equal(await state(c.number), 'unpaid');
      const [paidEvent] = await events(a.number);
      assert.match(paidEvent!.text, /nezaplaceno → zaplaceno \(bankovní platba .*VS/);
      assert.match((await events(c.number))[0]!.text, /Částečná platba/);
      // Configuration issues invoices on payment: in the pairing's own transaction.
      assert.equal((await kramek.core.services.orderInvoices(a.number)).length, 1);
      const emails = await outboxOf(kramek, a.number);
      assert.ok(emails.some((e) => e.kind === 'payment' && e.subject.includes(a.number) && /jsme přijali/.test(e.text_body)), 'the payment email');

      const before = await fingerprint();
      const again = await kramek.core.services.importStatement({ bytes, actor: 'test' });
      assert.equal(again.added, 0);
      assert.equal(again.duplicates, 5);
      assert.deepEqual(await fingerprint(), before, 'the same statement twice changes nothing');

      const waiting = await kramek.core.services.listMovements({ filter: 'waiting', limit: 50 });
      assert.deepEqual(waiting.items.map((m) => m.outcome).sort(), ['partial', 'unmatched']);
      assert.equal(waiting.items.find((m) => m.outcome === 'unmatched')!.reason, 'no_order');
    });

    test('camt.053: partial payments add up to paid, overpaid, another currency and a paid order wait; Fio JSON works alike', async () => {
      const [c, d, e] = [await order(), await order(), await order()];
      await kramek.core.services.importStatement({ bytes: camtStatement([{ id: nextId(), amount: 30000, vs: c.number }]), actor: 'test' });
      const summary = await kramek.core.services.importStatement({
        bytes: camtStatement([
          { id: nextId(), amount: c.total - 30000, vs: c.number },
          { id: nextId(), amount: d.total + 5000, vs: d.number },
          { id: nextId(), amount: e.total, vs: e.number, currency: 'EUR' },
          { id: nextId(), amount: 100, vs: d.number },
        ]),
        actor: 'test',
      });
      assert.equal(summary.format, 'camt053');
      assert.equal(await state(c.number), 'paid', 'two payments add up');
      assert.equal(await state(d.number), 'paid');
      assert.equal(await state(e.number), 'unpaid');
      const movements = (await kramek.core.services.listMovements({ filter: 'all', limit: 50 })).items;
      const ofC = movements.filter((m) => m.orderNumber === c.number);
      assert.deepEqual(ofC.map((m) => m.outcome), ['paid', 'paid'], 'the earlier partial payment is settled');
      assert.equal(movements.find((m) => m.orderNumber === d.number && m.amount === d.total + 5000)!.outcome, 'overpaid');
      assert.equal(movements.find((m) => m.currency === 'EUR')!.reason, 'currency');
      assert.equal(movements.find((m) => m.orderNumber === d.number && m.amount === 100)!.reason, 'already_paid');

      const f = await order();
      const fio = await kramek.core.services.importStatement({ bytes: fioJsonStatement([{ id: nextId(), amount: f.total, vs: f.number, message: 'díky' }]), actor: 'test' });
      assert.equal(fio.format, 'fio-json');
      assert.equal(await state(f.number), 'paid');
    });

    test('the invoice number as variable symbol pairs too; no payment email when Configuration says so', async () => {
      await kramek.core.services.updateSettings({ patch: { invoices: { variableSymbol: 'invoice' }, payments: { notifyCustomer: false } }, actor: 'test' });
      try {
        const k = await order();
        const invoice = await kramek.core.services.issueInvoice({ number: k.number, actor: 'test' });
        assert.notEqual(invoice.variableSymbol, k.number);
        await kramek.core.services.importStatement({ bytes: fioJsonStatement([{ id: nextId(), amount: k.total, vs: invoice.variableSymbol }]), actor: 'test' });
        assert.equal(await state(k.number), 'paid');
        assert.equal((await kramek.core.services.orderInvoices(k.number)).length, 1, 'no second invoice');
        assert.ok(!(await outboxOf(kramek, k.number)).some((e) => e.kind === 'payment'), 'no payment email');
      } finally {
        await kramek.core.services.updateSettings({ patch: { invoices: { variableSymbol: 'order' }, payments: { notifyCustomer: true } }, actor: 'test' });
      }
    });

    test('a statement that is not one is refused with a clear reason and stores nothing', async () => {
      const before = await fingerprint();
      await assert.rejects(kramek.core.services.importStatement({ bytes: Buffer.from('074 too short'), actor: 'test' }), (error: { code?: string; fields?: Record<string, string> }) => error.code === 'validation' && error.fields?.file === 'statement_unreadable');
      await assert.rejects(kramek.core.services.importStatement({ bytes: Buffer.from('%PDF-1.4'), actor: 'test' }), /not a GPC\/ABO, camt.053 or Fio JSON/);
      assert.deepEqual(await fingerprint(), before);
    });

    test('the Payments page: upload with CSRF, pairing by hand after a confirmation, ignoring; signed out and without CSRF refused', async () => {
      const signedOut = await new Agent(kramek.app).get('/admin/objednavky/platby');
      assert.equal(signedOut.statusCode, 303);
      const agent = new Agent(kramek.app);
      await agent.signIn(OWNER.email, OWNER.password);
      const g = await order();
      const page = await agent.get('/admin/objednavky/platby');
      assert.equal(page.statusCode, 200);
      const csrf = csrfTokenOf(page.body);
      const statement = gpcStatement([
        { id: nextId(), amount: g.total - 100, message: 'zaplaceno' },
        { id: nextId(), amount: 4200, message: 'vratka od dodavatele' },
      ]);
      const form = multipartBody([{ name: 'statement', filename: 'vypis.gpc', contentType: 'application/octet-stream', content: statement }]);
      const refused = await agent.request({ method: 'POST', url: '/admin/objednavky/platby/vypis', headers: { 'content-type': form.contentType }, payload: form.payload });
      assert.equal(refused.statusCode, 403, 'no CSRF token');
      const uploaded = await agent.request({ method: 'POST', url: `/admin/objednavky/platby/vypis?_csrf=${encodeURIComponent(csrf)}`, headers: { 'content-type': form.contentType }, payload: form.payload });
      assert.equal(uploaded.statusCode, 303);
      const listed = await agent.get(uploaded.headers.location as string);
      assert.match(listed.body, /Výpis načten: 2 pohybů, nových 2/);
      assert.match(listed.body, /vratka od dodavatele/);
      const [short, refund] = (await kramek.core.services.listMovements({ filter: 'unmatched', limit: 2 })).items.sort((x, y) => y.amount - x.amount);

      const confirm = await agent.post(`/admin/objednavky/platby/${short!.id}/sparovat`, { _csrf: csrf, orderNumber: g.number });
      assert.equal(confirm.statusCode, 200);
      assert.match(confirm.body, new RegExp(`Spárovat platbu s objednávkou ${g.number}`));
      assert.match(confirm.body, /bude označena jako zaplacená/);
      assert.match(confirm.body, /Pozor: s touto platbou je přijato/);
      assert.equal(await state(g.number), 'unpaid', 'nothing happens before the confirmation');
      const paired = await agent.post(`/admin/objednavky/platby/${short!.id}/sparovat`, { _csrf: csrf, orderNumber: g.number, confirmed: '1' });
      assert.equal(paired.statusCode, 303);
      assert.equal(await state(g.number), 'paid');
      assert.match((await agent.get('/admin/objednavky/platby?stav=all')).body, new RegExp(`Platba spárována s objednávkou ${g.number}`));
      const twice = await agent.post(`/admin/objednavky/platby/${short!.id}/sparovat`, { _csrf: csrf, orderNumber: g.number, confirmed: '1' });
      assert.equal(twice.statusCode, 303);
      assert.match((await agent.get('/admin/objednavky/platby')).body, /Tento pohyb už byl vyřízen/);

      const unknown = await agent.post(`/admin/objednavky/platby/${refund!.id}/sparovat`, { _csrf: csrf, orderNumber: '1' });
      assert.equal(unknown.statusCode, 303);
      assert.match((await agent.get('/admin/objednavky/platby')).body, /Objednávka s tímto číslem neexistuje/);
      assert.equal((await agent.post(`/admin/objednavky/platby/${refund!.id}/ignorovat`, { orderNumber: '' })).statusCode, 403, 'no CSRF token');
      assert.equal((await agent.post(`/admin/objednavky/platby/${refund!.id}/ignorovat`, { _csrf: csrf })).statusCode, 303);
      assert.equal((await kramek.core.services.findMovement(refund!.id))!.outcome, 'ignored');
      const english = await agent.request({ method: 'GET', url: '/admin/objednavky/platby?stav=all', headers: { cookie: `${agent.cookieHeader()}; lang=en` } });
      assert.match(english.body, /Ignored/);
    });

    test('kramek payments import FILE pairs and says what it did; a bad file exits 1 with one line', async () => {
      const h = await order();
      const dir = mkdtempSync(path.join(tmpdir(), 'kramek-statement-'));
      const file = path.join(dir, 'vypis.xml');
      writeFileSync(file, camtStatement([{ id: nextId(), amount: h.total, vs: h.number }]));
      const env = { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', DATA_DIR: kramek.database.dataDir, ...(kramek.database.target.kind === 'postgres' ? { DATABASE_URL: postgresUrlWithSchema(kramek.database.target) } : {}) };
      const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8', env, timeout: 60_000 });
      const first = run(['payments', 'import', file]);
      assert.equal(first.status, 0, first.stderr);
      assert.match(first.stdout, /camt053: 1 movements, 1 new, 0 imported before; orders paid 1/);
      assert.equal(await state(h.number), 'paid');
      writeFileSync(file, 'nonsense');
      const bad = run(['payments', 'import', file]);
      assert.equal(bad.status, 1);
      assert.match(bad.stderr, /^kramek: not a GPC\/ABO, camt.053 or Fio JSON statement\n$/);
    });
  });
}
