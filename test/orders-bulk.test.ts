import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from './support/databases.js';
import { startKramek, type TestKramek } from './support/kramek.js';
import { Agent, csrfTokenOf } from './support/agent.js';
import { outboxOf, placeOrder, setUpShop } from './support/orders.js';
import { pdfInfo, pdfPages } from './support/pdf.js';

const STAFF = { email: 'expedice@example.cz', password: 'heslo-expedice-123', name: 'Eva Expediční' };

/** A form post with repeated fields (`numbers` once per ticked order), as a browser sends it. */
const postForm = (agent: Agent, url: string, fields: [string, string][]) =>
  agent.request({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(fields).toString() });
const numbersOf = (numbers: string[]): [string, string][] => numbers.map((n) => ['numbers', n]);

for (const dialect of DIALECTS) {
  describe(`bulk actions on the order list on ${dialect.name}`, () => {
    let kramek: TestKramek;
    let staff: Agent;
    const statusOf = async (number: string) => (await kramek.core.services.findOrder(number))!.status;
    const token = async () => csrfTokenOf((await staff.get('/admin/objednavky')).body);

    before(async () => {
      kramek = await startKramek(dialect, { env: { PUBLIC_URL: 'https://obchod.example.cz' } });
      await setUpShop(kramek);
      await kramek.core.services.createAdminUser({ ...STAFF, role: 'staff' });
      staff = new Agent(kramek.app, '10.9.1.3');
      await staff.signIn(STAFF.email, STAFF.password);
    });
    after(() => kramek.close());

    test('the list is one form: a checkbox per row, the action bar, XML export posting to the export route, select all without JavaScript', async () => {
      const { number } = await placeOrder(kramek);
      const list = await staff.get('/admin/objednavky');
      assert.equal(list.statusCode, 200);
      assert.match(list.body, /<form method="post" action="\/admin\/objednavky\/hromadne\/stav"[^>]*id="bulk-form"/);
      assert.match(list.body, new RegExp(`<input type="checkbox" name="numbers" value="${number}"`));
      assert.match(list.body, /formaction="\/admin\/objednavky\/export" name="format" value="pohoda"/);
      assert.match(list.body, /formaction="\/admin\/objednavky\/export" name="format" value="kramek"/);
      assert.match(list.body, /formaction="\/admin\/objednavky\/hromadne\/pdf"/);
      assert.doesNotMatch(list.body, /name="numbers" value="\d+" checked/);
      const all = await staff.get('/admin/objednavky?vybrat=vse');
      const boxes = [...all.body.matchAll(/<input type="checkbox" name="numbers" value="\d+"( checked)?/g)];
      assert.ok(boxes.length > 0 && boxes.every((b) => b[1] === ' checked'), 'every row ticked');
      const script = /<script src="(\/admin\/objednavky\/vyber\.[0-9a-f]{12}\.js)" defer/.exec(list.body)?.[1];
      assert.ok(script, 'the select-all script is a file (CSP: no inline scripts)');
      const js = await staff.get(script);
      assert.equal(js.statusCode, 200);
      assert.match(String(js.headers['content-type']), /javascript/);
      assert.match(js.body, /select-all/);
    });

    test('a bulk status change asks first, then moves the allowed orders, refuses the rest with a reason, and emails per Configuration', async () => {
      const s = kramek.core.services;
      await s.updateSettings({ patch: { emails: { onProcessing: true, onShipped: true, onCompleted: false }, checkout: { trackingNumberReminder: true } }, actor: 'test' });
      const [a, b, c] = [(await placeOrder(kramek)).number, (await placeOrder(kramek)).number, (await placeOrder(kramek)).number];
      await s.changeOrderStatus({ number: c, status: 'cancelled', notifyCustomer: false, actor: 'test' });
      const emailsBefore = { a: (await outboxOf(kramek, a)).length, c: (await outboxOf(kramek, c)).length };

      const confirm = await postForm(staff, '/admin/objednavky/hromadne/stav', [['_csrf', await token()], ['status', 'processing'], ...numbersOf([a, b, c])]);
      assert.equal(confirm.statusCode, 200);
      assert.match(confirm.body, /Vybrané objednávky \(3\) se přesunou do stavu „V řešení“/);
      for (const n of [a, b, c]) assert.match(confirm.body, new RegExp(`name="numbers" value="${n}"`));
      assert.match(confirm.body, /nelze — ze stavu „Stornovaná“ to nejde/);
      assert.match(confirm.body, /<input type="checkbox" id="notify" name="notify" value="1" checked/, 'Configuration emails on "V řešení"');
      assert.equal(await statusOf(a), 'new', 'nothing changes before the confirmation');

      const result = await postForm(staff, '/admin/objednavky/hromadne/stav', [['_csrf', csrfTokenOf(confirm.body)], ['confirmed', '1'], ['status', 'processing'], ['notify', '1'], ...numbersOf([a, b, c])]);
      assert.equal(result.statusCode, 200);
      assert.match(result.body, /Změněno: 2/);
      assert.match(result.body, /Odmítnuto: 1/);
      assert.match(result.body, new RegExp(`${c}</a>: Tuto změnu stavu nelze provést`));
      assert.deepEqual([await statusOf(a), await statusOf(b), await statusOf(c)], ['processing', 'processing', 'cancelled']);
      const mailA = await outboxOf(kramek, a);
      assert.equal(mailA.length, emailsBefore.a + 1);
      assert.equal(mailA.at(-1)!.kind, 'order_status');
      assert.match(mailA.at(-1)!.subject, new RegExp(a));
      assert.ok((await outboxOf(kramek, b)).some((e) => e.kind === 'order_status' && e.subject.includes(b)));
      assert.equal((await outboxOf(kramek, c)).length, emailsBefore.c, 'the refused order gets no email');
      assert.match((await staff.get(`/admin/objednavky/${a}`)).body, /Eva Expediční/, 'the change is on the timeline with who made it');

      // Shipped: one order with its tracking number, one without (refused while the reminder is on) — the first still ships.
      const shipConfirm = await postForm(staff, '/admin/objednavky/hromadne/stav', [['_csrf', await token()], ['status', 'shipped'], ...numbersOf([a, b])]);
      assert.match(shipConfirm.body, new RegExp(`name="tracking_${a}"`));
      assert.match(shipConfirm.body, new RegExp(`name="carrier_${b}"`));
      assert.match(shipConfirm.body, /name="confirmWithoutTracking"/);
      const shipped = await postForm(staff, '/admin/objednavky/hromadne/stav', [
        ['_csrf', csrfTokenOf(shipConfirm.body)], ['confirmed', '1'], ['status', 'shipped'], ['notify', '1'], ...numbersOf([b, a]),
        [`carrier_${a}`, 'ppl'], [`tracking_${a}`, 'PPL-BULK-1'], [`carrier_${b}`, 'ppl'], [`tracking_${b}`, ''],
      ]);
      assert.match(shipped.body, /Změněno: 1/);
      assert.match(shipped.body, new RegExp(`${b}</a>: Zadejte číslo zásilky`));
      assert.deepEqual([await statusOf(a), await statusOf(b)], ['shipped', 'processing']);
      assert.ok((await outboxOf(kramek, a)).some((e) => e.kind === 'order_status' && e.text_body.includes('PPL-BULK-1')));

      // Completed: Configuration sends nothing, and the confirmation's box is unticked.
      const doneConfirm = await postForm(staff, '/admin/objednavky/hromadne/stav', [['_csrf', await token()], ['status', 'completed'], ...numbersOf([a, b])]);
      assert.match(doneConfirm.body, /<input type="checkbox" id="notify" name="notify" value="1" aria/);
      const before = [(await outboxOf(kramek, a)).length, (await outboxOf(kramek, b)).length];
      const completed = await postForm(staff, '/admin/objednavky/hromadne/stav', [['_csrf', csrfTokenOf(doneConfirm.body)], ['confirmed', '1'], ['status', 'completed'], ...numbersOf([a, b])]);
      assert.match(completed.body, /Změněno: 2/);
      assert.deepEqual([await statusOf(a), await statusOf(b)], ['completed', 'completed']);
      assert.deepEqual([(await outboxOf(kramek, a)).length, (await outboxOf(kramek, b)).length], before, 'no email on "Vyřízená" per Configuration');
    });

    test('nothing ticked, a bad number or an unknown status changes nothing and says why', async () => {
      const { number } = await placeOrder(kramek);
      const none = await postForm(staff, '/admin/objednavky/hromadne/stav', [['_csrf', await token()], ['status', 'processing']]);
      assert.equal(none.statusCode, 303);
      assert.match((await staff.get('/admin/objednavky')).body, /Nejdříve zaškrtněte alespoň jednu objednávku/);
      const bad = await postForm(staff, '/admin/objednavky/hromadne/stav', [['_csrf', await token()], ['confirmed', '1'], ['status', 'processing'], ['numbers', number], ['numbers', 'x1']]);
      assert.equal(bad.statusCode, 303);
      const badStatus = await postForm(staff, '/admin/objednavky/hromadne/stav', [['_csrf', await token()], ['confirmed', '1'], ['status', 'new'], ['numbers', number]]);
      assert.equal(badStatus.statusCode, 303);
      assert.equal(await statusOf(number), 'new');
      const unknown = await postForm(staff, '/admin/objednavky/hromadne/stav', [['_csrf', await token()], ['confirmed', '1'], ['status', 'processing'], ['numbers', '9999999999'], ['numbers', number]]);
      assert.match(unknown.body, /9999999999<\/a>: objednávka neexistuje/);
      assert.equal(await statusOf(number), 'processing', 'an unknown number does not stop the others');
    });

    test('PDF of the selected orders is one PDF file holding every one of them; each download is on its timeline', async () => {
      const numbers = [(await placeOrder(kramek)).number, (await placeOrder(kramek)).number, (await placeOrder(kramek)).number];
      const response = await postForm(staff, '/admin/objednavky/hromadne/pdf', [['_csrf', await token()], ['status', 'processing'], ...numbersOf(numbers)]);
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['content-type'], 'application/pdf');
      assert.match(String(response.headers['content-disposition']), new RegExp(`attachment; filename="objednavky-${numbers[0]}-3\\.pdf"`));
      const pdf = response.rawPayload;
      assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
      assert.equal((pdf.toString('latin1').match(/%%EOF/g) ?? []).length, 1, 'one document, not files glued together');
      const pages = pdfPages(pdf);
      assert.ok(Number(pdfInfo(pdf).Pages) >= 3 && pages.length === Number(pdfInfo(pdf).Pages));
      const text = pages.join('\n');
      for (const n of numbers) assert.match(text, new RegExp(n));
      // Each order's document starts on its own page, in the order ticked.
      assert.deepEqual(numbers.map((n) => pages.findIndex((p) => p.includes(n))), [...numbers.map((n) => pages.findIndex((p) => p.includes(n)))].sort((x, y) => x - y));
      for (const n of numbers) {
        const { timeline } = await kramek.core.services.adminOrder(n);
        const event = timeline.find((e) => e.kind === 'document');
        assert.ok(event, n);
        assert.equal(event.actor, STAFF.name);
      }
      const detail = await staff.get(`/admin/objednavky/${numbers[0]}`);
      assert.match(detail.body, /Stažení dokladu/);

      const none = await postForm(staff, '/admin/objednavky/hromadne/pdf', [['_csrf', await token()]]);
      assert.equal(none.statusCode, 303);
      const missing = await postForm(staff, '/admin/objednavky/hromadne/pdf', [['_csrf', await token()], ['numbers', numbers[0]!], ['numbers', '9999999999']]);
      assert.equal(missing.statusCode, 303, 'a file missing an order is never handed out');
    });

    test('bulk actions refuse a post without a CSRF token and a signed-out visitor', async () => {
      const { number } = await placeOrder(kramek);
      for (const url of ['/admin/objednavky/hromadne/stav', '/admin/objednavky/hromadne/pdf']) {
        const refused = await postForm(staff, url, [['confirmed', '1'], ['status', 'cancelled'], ['notify', '1'], ['numbers', number]]);
        assert.equal(refused.statusCode, 403, url);
        const stranger = await postForm(new Agent(kramek.app, '10.9.1.9'), url, [['confirmed', '1'], ['status', 'cancelled'], ['numbers', number]]);
        assert.ok([303, 403].includes(stranger.statusCode), `${url}: ${stranger.statusCode}`);
      }
      assert.equal(await statusOf(number), 'new');
      const { timeline } = await kramek.core.services.adminOrder(number);
      assert.ok(!timeline.some((e) => e.kind === 'document' || e.kind === 'status'));
    });
  });
}
