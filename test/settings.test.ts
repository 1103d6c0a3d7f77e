import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from './support/databases.js';
import { OWNER, startKramek, type TestKramek } from './support/kramek.js';
import { Agent, csrfTokenOf } from './support/agent.js';

const STAFF = { email: 'obsluha@example.cz', password: 'heslo-obsluhy-1' };
const SETTINGS_PAGES = ['/admin/konfigurace', '/admin/konfigurace/dokumenty', '/admin/konfigurace/emaily', '/admin/konfigurace/sablony', '/admin/konfigurace/objednavky', '/admin/konfigurace/historie'];

for (const dialect of DIALECTS) {
  describe(`Configuration on ${dialect.name}`, () => {
    let kramek: TestKramek;
    let owner: Agent;
    let ownerToken: string;
    let staffToken: string;
    const auditCount = async () => (await kramek.core.db.selectFrom('settings_audit').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    const api = (method: 'GET' | 'PATCH', token: string, payload?: unknown, lang?: string) =>
      kramek.app.inject({ method, url: '/api/admin/settings', headers: { authorization: `Bearer ${token}`, ...(lang ? { 'accept-language': lang } : {}) }, payload: payload as object });

    before(async () => {
      kramek = await startKramek(dialect);
      await kramek.core.services.createAdminUser({ ...STAFF, role: 'staff' });
      owner = new Agent(kramek.app, '10.9.0.1');
      await owner.signIn(OWNER.email, OWNER.password);
      ownerToken = (await kramek.core.services.createApiToken({ name: 'owner-script', role: 'owner' })).token;
      staffToken = (await kramek.core.services.createApiToken({ name: 'staff-script', role: 'staff' })).token;
    });
    after(() => kramek.close());

    test('a staff user can neither open nor change Configuration, in the admin or through the API', async () => {
      const staff = new Agent(kramek.app, '10.9.0.2');
      await staff.signIn(STAFF.email, STAFF.password);
      for (const url of SETTINGS_PAGES) assert.equal((await staff.get(url)).statusCode, 403, url);
      const token = csrfTokenOf((await staff.get('/admin')).body);
      const post = await staff.post('/admin/konfigurace', { _csrf: token, name: 'Ukradený obchod' });
      assert.equal(post.statusCode, 403);
      assert.equal((await api('GET', staffToken)).statusCode, 403);
      assert.equal((await api('PATCH', staffToken, { shop: { name: 'Ukradený obchod' } })).statusCode, 403);
      assert.notEqual((await kramek.core.services.getSettings()).shop.name, 'Ukradený obchod');
    });

    test('the owner saves the shop identity; IBAN and BIC are derived; the audit log records who and what', async () => {
      const before = await auditCount();
      const response = await owner.submit('/admin/konfigurace', '/admin/konfigurace', {
        name: 'Čajovna U Zlatého draka',
        legalName: 'Zlatý drak s.r.o.',
        ico: '27082440',
        dic: 'cz27082440',
        street: 'Dlouhá 12',
        city: 'Praha',
        zip: '11000',
        country: 'CZ',
        email: 'obchod@example.cz',
        phone: '601123456',
        web: 'https://caj.example.cz',
        'bankAccounts.0.label': 'Hlavní účet',
        'bankAccounts.0.number': '2000145399/2010',
        'bankAccounts.0.iban': '',
        'bankAccounts.0.bic': '',
        'bankAccounts.1.label': '',
        'bankAccounts.1.number': '',
        'bankAccounts.1.iban': '',
        'bankAccounts.1.bic': '',
      });
      assert.equal(response.statusCode, 303);
      const page = await owner.get('/admin/konfigurace');
      assert.match(page.body, /Změny byly uloženy/);
      assert.match(page.body, /value="Čajovna U Zlatého draka"/);
      const { shop } = await kramek.core.services.getSettings();
      assert.equal(shop.dic, 'CZ27082440');
      assert.equal(shop.zip, '110 00');
      assert.equal(shop.phone, '+420 601 123 456');
      assert.deepEqual(shop.bankAccounts, [{ label: 'Hlavní účet', number: '2000145399/2010', iban: 'CZ9320100000002000145399', bic: 'FIOBCZPP' }]);
      assert.equal(await auditCount(), before + 1);
      const audit = (await kramek.core.services.settingsAuditLog(1))[0]!;
      assert.match(audit.actor, new RegExp(OWNER.email));
      assert.ok(audit.changes.some((c) => c.path === 'shop.ico' && c.to === '27082440'));
      const history = await owner.get('/admin/konfigurace/historie');
      assert.match(history.body, /Obchod › IČO<\/span>: <del>[^<]*<\/del> → <ins>27082440<\/ins>/, 'the change in the words of the form');
      assert.doesNotMatch(history.body, /shop\.ico/, 'not as the internal path');
    });

    test('a typo in the IČO or the account number is refused beside the field, the typed values kept, nothing saved', async () => {
      const before = await auditCount();
      const saved = await kramek.core.services.getSettings();
      const response = await owner.submit('/admin/konfigurace', '/admin/konfigurace', {
        name: 'Jiný název',
        ico: '27082441',
        'bankAccounts.0.number': '2000145398/2010',
      });
      assert.equal(response.statusCode, 422);
      assert.match(response.body, /Zadejte IČO ve tvaru 8 číslic/);
      assert.match(response.body, /kontrolní součet nesouhlasí/);
      assert.match(response.body, /href="#ico"/, 'the error summary links to the field');
      assert.match(response.body, /value="27082441"/);
      assert.match(response.body, /value="Jiný název"/);
      assert.deepEqual(await kramek.core.services.getSettings(), saved);
      assert.equal(await auditCount(), before);
    });

    test('the API reads and patches settings partially, with 422 and field paths for bad values', async () => {
      const got = await api('GET', ownerToken);
      assert.equal(got.statusCode, 200);
      for (const key of ['shop', 'documents', 'emails', 'checkout']) assert.ok(key in got.json());
      assert.equal(got.json().checkout.guestCheckout, true);

      const patched = await api('PATCH', ownerToken, { checkout: { guestCheckout: false }, emails: { noReplyAddress: 'NoReply@Example.cz' } });
      assert.equal(patched.statusCode, 200);
      assert.equal(patched.json().checkout.guestCheckout, false);
      assert.equal(patched.json().checkout.trackingNumberReminder, true, 'untouched values stay');
      assert.equal(patched.json().emails.noReplyAddress, 'noreply@example.cz');
      assert.equal(patched.json().shop.name, 'Čajovna U Zlatého draka');

      const bad = await api('PATCH', ownerToken, { shop: { ico: '12345678', color: 'red' }, checkout: { vatRates: [21, 21] } });
      assert.equal(bad.statusCode, 422);
      const error = bad.json().error;
      assert.equal(error.code, 'validation');
      assert.match(error.fields['shop.ico'], /IČO/);
      assert.ok(error.fields['shop.color']);
      assert.ok(error.fields['checkout.vatRates']);
      const english = await api('PATCH', ownerToken, { shop: { ico: '1' } }, 'en');
      assert.match(english.json().error.fields['shop.ico'], /company ID/);
      for (const body of ['"text"', '[1,2]', 'null']) {
        const r = await kramek.app.inject({ method: 'PATCH', url: '/api/admin/settings', headers: { authorization: `Bearer ${ownerToken}`, 'content-type': 'application/json' }, payload: body });
        assert.ok(r.statusCode >= 400 && r.statusCode < 500, `${body} → ${r.statusCode}`);
      }
      assert.equal((await kramek.core.services.getSettings()).shop.ico, '27082440');
    });

    test('a change made through one server process is seen by another at once', async () => {
      const other = await startKramek(dialect, { database: kramek.database });
      try {
        const r = await api('PATCH', ownerToken, { shop: { name: 'Čajovna Na Druhém serveru' } });
        assert.equal(r.statusCode, 200);
        const seen = await other.app.inject({ method: 'GET', url: '/api/admin/settings', headers: { authorization: `Bearer ${ownerToken}` } });
        assert.equal(seen.json().shop.name, 'Čajovna Na Druhém serveru');
      } finally {
        await other.close();
      }
    });

    test('shipping and payment methods are edited as rows, prices typed the Czech way', async () => {
      const page = await owner.get('/admin/konfigurace/objednavky');
      assert.match(page.body, /value="ppl"/);
      const response = await owner.post('/admin/konfigurace/objednavky', {
        _csrf: csrfTokenOf(page.body),
        guestCheckout: '1',
        orderNumberFormat: '{YYYY}{SEQ:6}',
        paymentDueDays: '10',
        vatRates: '21, 12, 0',
        'shippingMethods.0.code': 'ppl',
        'shippingMethods.0.name': 'PPL',
        'shippingMethods.0.carrier': 'ppl',
        'shippingMethods.0.price': '129,50',
        'shippingMethods.0.freeFrom': '1 500',
        'shippingMethods.0.weightBands': '5 = 159; 10,5 = 199',
        'shippingMethods.0.maxWeightGrams': '30',
        'shippingMethods.0.codSurcharge': '35',
        'shippingMethods.0.vatRate': '21',
        'shippingMethods.0.enabled': '1',
        'shippingMethods.1.code': 'zasilkovna',
        'shippingMethods.1.name': 'Zásilkovna',
        'shippingMethods.1.carrier': 'zasilkovna',
        'shippingMethods.1.price': '79',
        'shippingMethods.1.vatRate': '21',
        'shippingMethods.1.remove': '1',
        'paymentMethods.0.code': 'bank-transfer',
        'paymentMethods.0.kind': 'bank-transfer',
        'paymentMethods.0.name': 'Převodem',
        'paymentMethods.0.price': '0',
        'paymentMethods.0.vatRate': '21',
        'paymentMethods.0.enabled': '1',
        'paymentMethods.1.code': 'cash',
        'paymentMethods.1.kind': 'cash',
        'paymentMethods.1.name': 'Hotově',
        'paymentMethods.1.price': '0',
        'paymentMethods.1.vatRate': '21',
        'paymentMethods.1.shippingCodes': 'ppl',
      });
      assert.equal(response.statusCode, 303);
      const { checkout } = await kramek.core.services.getSettings();
      assert.deepEqual(checkout.shippingMethods, [
        { code: 'ppl', name: 'PPL', carrier: 'ppl', price: 12950, freeFrom: 150000, weightBands: [{ overGrams: 5000, price: 15900 }, { overGrams: 10500, price: 19900 }], maxWeightGrams: 30_000, codSurcharge: 3500, vatRate: 21, enabled: true },
      ]);
      assert.deepEqual(
        checkout.paymentMethods.map((m) => [m.code, m.enabled, m.shippingCodes]),
        [
          ['bank-transfer', true, []],
          ['cash', false, ['ppl']],
        ],
        'an unticked "offered" box keeps the method but stops offering it; ticked shipping methods limit a payment method',
      );
      const again = await owner.get('/admin/konfigurace/objednavky');
      assert.match(again.body, /<input type="checkbox" id="paymentMethods-1-shippingCodes-ppl" name="paymentMethods.1.shippingCodes" value="ppl" checked/);
      assert.equal(checkout.trackingNumberReminder, false, 'an unticked box turns the reminder off');
      assert.equal(checkout.paymentDueDays, 10);

      const bad = await owner.post('/admin/konfigurace/objednavky', {
        _csrf: csrfTokenOf(page.body),
        orderNumberFormat: 'OBJ-{SEQ:6}',
        vatRates: '21',
        'shippingMethods.0.code': 'PPL Express',
        'shippingMethods.0.name': 'PPL',
        'shippingMethods.0.carrier': 'ppl',
        'shippingMethods.0.price': 'sto',
        'shippingMethods.0.vatRate': '21',
      });
      assert.equal(bad.statusCode, 422);
      assert.match(bad.body, /Formát smí obsahovat jen číslice/);
      assert.match(bad.body, /Kód smí obsahovat jen malá písmena/);
      assert.match(bad.body, /Zadejte částku/);
      assert.match(bad.body, /value="sto"/);
      assert.equal((await kramek.core.services.getSettings()).checkout.shippingMethods[0]!.price, 12950);
    });

    test('a malformed template is refused when saved; the preview escapes customer text', async () => {
      const page = await owner.get('/admin/konfigurace/sablony?sablona=status_shipped&jazyk=cs');
      assert.match(page.body, /\{\{trackingNumber\}\}/);
      const token = csrfTokenOf(page.body);
      const bad = await owner.post('/admin/konfigurace/sablony', { _csrf: token, key: 'status_shipped', locale: 'cs', subject: 'Odesláno {{orderNumber}}', body: 'Číslo {{trackingNumber} a {{heslo}}' });
      assert.equal(bad.statusCode, 422);
      assert.match(bad.body, /neuzavřenou značku/);
      assert.match(bad.body, /Zástupný symbol „heslo“ tato šablona nezná/);
      const stored = (await kramek.core.services.getSettings()).emails.templates.status_shipped.cs;
      assert.doesNotMatch(stored.body, /heslo/);

      const preview = await owner.post('/admin/konfigurace/sablony', { _csrf: token, key: 'order_accepted', locale: 'cs', action: 'preview', subject: 'Objednávka {{orderNumber}}', body: 'Poznámka: {{note}}' });
      assert.equal(preview.statusCode, 200);
      assert.match(preview.body, /Poznámka: Prosím zabalit jako dárek &lt;3 &amp; děkuji/);

      const saved = await owner.post('/admin/konfigurace/sablony', { _csrf: token, key: 'status_shipped', locale: 'en', subject: 'Shipped {{orderNumber}}', body: 'Track it: {{trackingUrl}}' });
      assert.equal(saved.statusCode, 303);
      assert.equal((await kramek.core.services.getSettings()).emails.templates.status_shipped.en.subject, 'Shipped {{orderNumber}}');
      const viaApi = await api('PATCH', ownerToken, { emails: { templates: { test_email: { cs: { subject: 'Test {{orderNumber}}', body: 'x' }, en: { subject: 'x', body: 'y' } } } } });
      assert.equal(viaApi.statusCode, 422);
      assert.ok(viaApi.json().error.fields['emails.templates.test_email.cs.subject']);
    });

    test('the seven steps follow real data', async () => {
      const fresh = await startKramek(dialect);
      try {
        const steps = await fresh.core.services.onboarding();
        assert.deepEqual(steps.map((s) => s.step), ['identity', 'emails', 'shippingPayment', 'categories', 'products', 'content', 'testOrder']);
        assert.equal(steps.find((s) => s.step === 'identity')!.done, false);
        assert.equal(steps.find((s) => s.step === 'shippingPayment')!.done, false, 'bank transfer offered but no account yet');
        await fresh.core.services.updateSettings({
          patch: { shop: { name: 'Krámek', ico: '27082440', street: 'Dlouhá 1', city: 'Brno', zip: '60200', email: 'a@example.cz', bankAccounts: [{ number: '2000145399/2010' }] }, emails: { ownerAddress: 'a@example.cz' } },
          actor: 'test',
        });
        const after = await fresh.core.services.onboarding();
        assert.deepEqual(after.filter((s) => s.done).map((s) => s.step), ['identity', 'emails', 'shippingPayment']);
        const agent = new Agent(fresh.app);
        await agent.signIn(OWNER.email, OWNER.password);
        const home = await agent.get('/admin');
        assert.match(home.body, /Hotovo 3 ze 7 kroků/);
        assert.match(home.body, /Další krok/);
      } finally {
        await fresh.close();
      }
    });
  });
}
