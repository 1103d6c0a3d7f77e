import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DIALECTS, postgresUrlWithSchema } from './support/databases.js';
import { startKramek, OWNER, type TestKramek } from './support/kramek.js';
import { Agent, csrfTokenOf } from './support/agent.js';
import { BUYER, placeOrder, setUpShop } from './support/orders.js';
import { KRAMEK_XSD, MONEY_S3_XSD, POHODA_XSD, xmllint, xpath } from './support/xml.js';

const STAFF = { email: 'ucetni@example.cz', password: 'heslo-ucetni-123', name: 'Eva Účetní' };
const NASTY_NAME = 'Žofie "Zoe" O\'Brien & <Syn> 🍵';
const today = () => new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/Prague' });
const cents = (text: string) => text.trim().split(/\s+/).filter(Boolean).reduce((s, v) => s + Math.round(Number(v) * 100), 0);

function kramekCli(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', SEED_DEMO: '0', ...env }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

for (const dialect of DIALECTS) {
  describe(`order exports on ${dialect.name}`, () => {
    let kramek: TestKramek;
    let api: { authorization: string };
    let numbers: string[];
    let totals: Map<string, number>;

    before(async () => {
      kramek = await startKramek(dialect);
      api = await setUpShop(kramek);
      await kramek.core.services.updateSettings({ patch: { shop: { ico: '27082440', legalName: 'Čajovna s.r.o.' } }, actor: 'test' });
      await kramek.core.services.createAdminUser({ ...STAFF, role: 'staff' });
      const orders = [
        await placeOrder(kramek, { customer: { ...BUYER.customer, name: NASTY_NAME, company: 'Šťastný & syn <s.r.o.>', ico: '27082440' }, note: 'Zvonek „dole“ & <b>hned</b>' }),
        await placeOrder(kramek, { items: [{ sku: 'BOOK-1', quantity: 3 }], paymentMethod: 'cash-on-delivery' }),
        await placeOrder(kramek, { shippingAddress: { street: 'Krátká 1', city: 'Brno', zip: '602 00', country: 'CZ' } }),
      ];
      numbers = orders.map((o) => o.number);
      totals = new Map(orders.map((o) => [o.number, o.total as number]));
    });
    after(() => kramek.close());

    const get = (url: string, headers: Record<string, string> = api) => kramek.app.inject({ method: 'GET', url, headers });

    test('one order as Pohoda XML validates against data.xsd, keeps the name escaped and intact, and its totals equal the order', async () => {
      const [number] = numbers;
      const res = await get(`/api/admin/orders/${number}/export.xml?format=pohoda`);
      assert.equal(res.statusCode, 200, res.body);
      assert.match(res.headers['content-type'] as string, /^application\/xml/);
      xmllint(res.body, POHODA_XSD);
      assert.ok(res.body.includes('Žofie &quot;Zoe&quot; O&apos;Brien &amp; &lt;Syn&gt; 🍵'));
      assert.equal(xpath(res.body, 'string(//*[local-name()="partnerIdentity"]//*[local-name()="name"])').trim(), NASTY_NAME);
      assert.equal(cents(xpath(res.body, '//*[local-name()="orderSummary"]//*[local-name()="priceNone" or local-name()="priceLowSum" or local-name()="priceHighSum"]/text()')), totals.get(number!));
      assert.match(res.body, /<ord:numberOrder>\d+<\/ord:numberOrder>/);
    });

    test('one order as Kramek XML validates against our schema, carries its parcel and history; the export is logged on the timeline', async () => {
      const number = numbers[2]!;
      const shipped = await kramek.app.inject({ method: 'POST', url: `/api/admin/orders/${number}/status`, headers: api, payload: { status: 'shipped', carrier: 'ppl', trackingNumber: 'PPL-42&7', notifyCustomer: false } });
      assert.equal(shipped.statusCode, 200, shipped.body);
      const res = await get(`/api/admin/orders/${number}/export.xml?format=kramek`);
      assert.equal(res.statusCode, 200, res.body);
      xmllint(res.body, KRAMEK_XSD);
      assert.equal(cents(xpath(res.body, 'string(//*[local-name()="totals"]/@total)')), totals.get(number));
      assert.match(res.body, /<shippingAddress><street>Krátká 1/);
      assert.equal(xpath(res.body, 'string(//*[local-name()="parcel"]/@trackingNumber)').trim(), 'PPL-42&7');
      const detail = (await get(`/api/admin/orders/${number}`)).json() as { history: { at: string; kind: string; text: string }[] };
      assert.ok(detail.history.some((e) => e.kind === 'export' && /Kramek XML/.test(e.text)), JSON.stringify(detail.history));
      // The move to "shipped" is in the exported history at the very instant the order's own history shows.
      const moved = detail.history.find((e) => e.kind === 'status' && /shipped|Odeslan/.test(e.text)) ?? detail.history.find((e) => e.kind === 'status');
      assert.ok(moved, JSON.stringify(detail.history));
      assert.equal(xpath(res.body, 'string(//*[local-name()="event"][@statusTo="shipped"]/@at)').trim(), moved.at);
      assert.match(xpath(res.body, 'string(//*[local-name()="parcel"]/@createdAt)').trim(), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    });

    test('a range streams every format; the selection, status filter and empty range work', async () => {
      const day = today();
      const kramekXml = await get(`/api/admin/exports/orders.xml?format=kramek&from=${day}&to=${day}`);
      assert.equal(kramekXml.statusCode, 200, kramekXml.body);
      assert.equal(kramekXml.headers['x-export-total'], '3');
      xmllint(kramekXml.body, KRAMEK_XSD);
      assert.equal((kramekXml.body.match(/<order /g) ?? []).length, 3);
      const pohoda = await get(`/api/admin/exports/orders.xml?format=pohoda&from=${day}`);
      xmllint(pohoda.body, POHODA_XSD);
      assert.equal((pohoda.body.match(/<ord:order /g) ?? []).length, 3);
      const money = await get(`/api/admin/exports/orders.xml?format=money-s3&status=new`);
      xmllint(money.body, MONEY_S3_XSD);
      // The third order was shipped by the test before: only the first two are still new.
      assert.equal(cents(xpath(money.body, '//Celkem/text()')), totals.get(numbers[0]!)! + totals.get(numbers[1]!)!);
      const csv = await get(`/api/admin/exports/orders?format=csv&numbers=${numbers[0]},${numbers[1]}`);
      assert.match(csv.headers['content-type'] as string, /^text\/csv/);
      assert.ok(csv.body.startsWith('\uFEFFČíslo;'));
      assert.equal(csv.body.trim().split('\r\n').length, 3);
      for (const format of ['pohoda', 'kramek', 'money-s3']) {
        const empty = await get(`/api/admin/exports/orders.xml?format=${format}&from=2020-01-01&to=2020-01-02`);
        assert.equal(empty.statusCode, 200);
        assert.equal(empty.headers['x-export-total'], '0');
        xmllint(empty.body, { pohoda: POHODA_XSD, kramek: KRAMEK_XSD, 'money-s3': MONEY_S3_XSD }[format]);
      }
      const exported = await kramek.core.db.selectFrom('order_events').select('order_id').where('kind', '=', 'export').execute();
      assert.ok(exported.length >= 3 + 3 + 2 + 2 + 2, String(exported.length));
    });

    test('a bad date, format or status answers 422 naming the field; no token 401; an unknown order 404', async () => {
      const bad = await get('/api/admin/exports/orders.xml?format=pohoda&from=2026-02-30');
      assert.equal(bad.statusCode, 422);
      assert.equal(bad.json().error.code, 'validation');
      assert.match(bad.json().error.fields.from, /RRRR-MM-DD/);
      const format = await get(`/api/admin/orders/${numbers[0]}/export.xml?format=excel`);
      assert.equal(format.statusCode, 422);
      assert.ok(format.json().error.fields.format);
      assert.equal((await get('/api/admin/exports/orders.xml?format=kramek&status=lost')).statusCode, 422);
      assert.equal((await get('/api/admin/exports/orders.xml?format=kramek', {})).statusCode, 401);
      assert.equal((await get('/api/admin/orders/999999/export.xml?format=kramek')).statusCode, 404);
    });

    test('staff download one order, a selection and a range in the admin; the owner saves a custom layout checked on save', async () => {
      const staff = new Agent(kramek.app, '10.9.1.3');
      await staff.signIn(STAFF.email, STAFF.password);
      const pageRes = await staff.get('/admin/objednavky/export');
      assert.equal(pageRes.statusCode, 200);
      assert.match(pageRes.body, /Export pro účetnictví/);
      assert.match(pageRes.body, /<script src="\/admin\/objednavky\/export\/prubeh.js"/);
      const token = csrfTokenOf(pageRes.body);

      const single = await staff.get(`/admin/objednavky/${numbers[1]}/export.xml?format=pohoda`);
      assert.equal(single.statusCode, 200);
      assert.match(single.headers['content-disposition'] as string, new RegExp(`attachment; filename="objednavka-${numbers[1]}-pohoda.xml"`));
      xmllint(single.body, POHODA_XSD);

      const bulk = await staff.request({ method: 'POST', url: '/admin/objednavky/export', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `_csrf=${encodeURIComponent(token)}&format=kramek&numbers=${numbers[0]}&numbers=${numbers[2]}` });
      assert.equal(bulk.statusCode, 200, bulk.body.slice(0, 500));
      xmllint(bulk.body, KRAMEK_XSD);
      assert.deepEqual([...bulk.body.matchAll(/<order number="(\d+)"/g)].map((m) => m[1]), [numbers[0], numbers[2]]);

      const range = await staff.post('/admin/objednavky/export', { _csrf: token, format: 'money-s3', from: today(), to: '', status: '', decimal: 'comma' });
      assert.equal(range.statusCode, 200);
      xmllint(range.body, MONEY_S3_XSD);
      const wrong = await staff.post('/admin/objednavky/export', { _csrf: token, format: 'pohoda', from: '31.12.2026', to: '', status: '', decimal: 'comma' });
      assert.equal(wrong.statusCode, 422);
      assert.match(wrong.body, /Zadejte datum ve tvaru RRRR-MM-DD/);
      assert.match(wrong.body, /value="31.12.2026"/);
      assert.equal((await staff.post('/admin/objednavky/export', { format: 'pohoda' })).statusCode, 403, 'CSRF token required');

      const layout = '<export><obj kramek-each="orders" cislo="{number}"><jmeno>{customer.name}</jmeno><celkem>{total}</celkem></obj></export>';
      const preview = await staff.post('/admin/objednavky/export/struktura', { _csrf: token, layout, action: 'preview' });
      assert.equal(preview.statusCode, 200);
      assert.match(preview.body, new RegExp(`cislo=&quot;${numbers[2]}&quot;`), 'previewed on the newest order');
      assert.equal((await staff.post('/admin/objednavky/export/struktura', { _csrf: token, layout, action: 'save' })).statusCode, 403, 'only the owner saves');

      const owner = new Agent(kramek.app, '10.9.1.4');
      await owner.signIn(OWNER.email, OWNER.password);
      const ownerToken = csrfTokenOf((await owner.get('/admin/objednavky/export')).body);
      const refused = await owner.post('/admin/objednavky/export/struktura', { _csrf: ownerToken, layout: '<export><obj kramek-each="orders">{heslo}</obj></export>', action: 'save' });
      assert.equal(refused.statusCode, 422);
      assert.match(refused.body, /Neznámé pole \{heslo\}/);
      assert.equal((await kramek.core.services.getSettings()).exports.customLayout, '');
      const saved = await owner.post('/admin/objednavky/export/struktura', { _csrf: ownerToken, layout, action: 'save' });
      assert.equal(saved.statusCode, 303);
      const custom = await get(`/api/admin/exports/orders.xml?format=custom&numbers=${numbers[0]}`);
      assert.equal(custom.statusCode, 200, custom.body);
      xmllint(custom.body);
      assert.equal(xpath(custom.body, 'string(//jmeno)').trim(), NASTY_NAME);
      const patch = await kramek.app.inject({ method: 'PATCH', url: '/api/admin/settings', headers: { authorization: api.authorization }, payload: { exports: { customLayout: '<a><b kramek-each="orders"></a>' } } });
      assert.ok([403, 422].includes(patch.statusCode), 'a broken layout never gets saved');
    });

    test('kramek export orders writes a file (or stdout) and exits non-zero with a clear line on bad input', async () => {
      const target = kramek.database.target;
      const env = { DATA_DIR: kramek.database.dataDir, ...(target.kind === 'postgres' ? { DATABASE_URL: postgresUrlWithSchema(target) } : {}) };
      const out = path.join(kramek.database.dataDir, 'export.xml');
      const ok = kramekCli(['export', 'orders', '--format', 'pohoda', '--from', today(), '--to', today(), '--out', out], env);
      assert.equal(ok.code, 0, ok.stderr);
      xmllint(fs.readFileSync(out, 'utf8'), POHODA_XSD);
      const stdout = kramekCli(['export', 'orders', '--format', 'kramek'], env);
      assert.equal(stdout.code, 0, stdout.stderr);
      xmllint(stdout.stdout, KRAMEK_XSD);
      const bad = kramekCli(['export', 'orders', '--format', 'pohoda', '--from', '2026-13-01', '--out', path.join(kramek.database.dataDir, 'bad.xml')], env);
      assert.equal(bad.code, 1);
      assert.match(bad.stderr, /^kramek: invalid input: --from: Enter a date as YYYY-MM-DD/);
      assert.ok(!fs.existsSync(path.join(kramek.database.dataDir, 'bad.xml')), 'nothing written');
      const format = kramekCli(['export', 'orders', '--format', 'excel'], env);
      assert.notEqual(format.code, 0);
      assert.match(format.stderr, /--format: Unknown export format/);
    });
  });
}
