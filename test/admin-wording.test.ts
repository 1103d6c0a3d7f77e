import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from './support/databases.js';
import { OWNER, startKramek, type TestKramek } from './support/kramek.js';
import { Agent, csrfTokenOf } from './support/agent.js';
import { BUYER, placeOrder, setUpShop } from './support/orders.js';
import { createCustomer, ownerToken } from './support/customers.js';

/** What a person reads on the page: the title and the body's text, without tags, scripts or attribute values. */
function visibleText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** Internal codes an owner must never have to read, each with what it looks like. */
const INTERNAL = [
  { what: 'a snake_case code (order_accepted)', pattern: /\b[a-z]+_[a-z0-9_]+\b/ },
  { what: 'a settings path or text key (shop.name:)', pattern: /\b(shop|documents|emails|checkout|exports|orders|settings|mail|customers|field|error|nav)\.[a-zA-Z]/ },
  { what: 'a carrier code in brackets ((zasilkovna))', pattern: /\((ceska-posta|balikovna|ppl|zasilkovna|dpd|gls|own)\)/ },
  { what: 'raw JSON', pattern: /[[{]\s*"\w+"\s*:/ },
  { what: 'a bare country code in an address (CZ)', pattern: /\b(CZ|SK)\b/ },
  { what: 'a second date format (06.12.26, ISO)', pattern: /\b\d{2}\.\d{2}\.\d{2}\b|\d{4}-\d{2}-\d{2}T\d{2}/ },
];

function assertInWords(html: string, page: string) {
  const text = visibleText(html);
  for (const { what, pattern } of INTERNAL) {
    const found = pattern.exec(text);
    assert.equal(found, null, `${page} shows ${what}: “…${found ? text.slice(Math.max(0, found.index - 60), found.index + 60) : ''}…”`);
  }
}

for (const dialect of DIALECTS) {
  describe(`the admin speaks the owner's language, not internal codes, on ${dialect.name}`, () => {
    let kramek: TestKramek;
    let owner: Agent;
    let shipped: string;
    let cancelled: string;
    let customerId: number;

    before(async () => {
      kramek = await startKramek(dialect, { env: { PUBLIC_URL: 'https://obchod.example.cz' } });
      const s = kramek.core.services;
      await setUpShop(kramek);
      // Configuration changes of every kind, so the change history has flags, lists, accounts, templates and images.
      const settings = await s.getSettings();
      await s.updateSettings({
        patch: {
          shop: { name: 'Čajovna U Draka', legalName: 'Čajovna s.r.o.', ico: '27082440', dic: 'CZ27082440', bankAccounts: [{ label: 'Fio', number: '2000145399/2010', iban: '', bic: '' }] },
          documents: { showStamp: false, footer: 'Zapsáno v obchodním rejstříku.' },
          emails: { onShipped: false, templates: { status_shipped: { cs: { subject: 'Odesláno: {{orderNumber}}', body: 'Balík je na cestě.' } } } },
          checkout: {
            paymentDueDays: 10,
            vatRates: [21, 12, 0],
            shippingMethods: settings.checkout.shippingMethods.map((m) => (m.code === 'ceska-posta' ? { ...m, enabled: false } : m)),
            paymentMethods: settings.checkout.paymentMethods.map((m) => (m.code === 'cash' ? { ...m, price: 1000 } : m)),
          },
          exports: { customLayout: '' },
          invoices: { issueOn: 'shipped', variableSymbol: 'invoice', dueDays: 10 },
        },
        actor: OWNER.email,
      });
      owner = new Agent(kramek.app, '10.71.0.1');
      await owner.signIn(OWNER.email, OWNER.password);

      // Orders with a full history: shipped by Zásilkovna with a spaced tracking number, paid, noted, emailed; one cancelled.
      shipped = (await placeOrder(kramek, { shippingMethod: 'zasilkovna', pickupPoint: { id: '11401' }, shippingAddress: { street: 'Krátká 1', city: 'Brno', zip: '602 00', country: 'CZ' } })).number;
      await s.changeOrderStatus({ number: shipped, status: 'shipped', parcels: [{ carrier: 'zasilkovna', trackingNumber: 'Z 123 456 789' }], notifyCustomer: true, actor: 'Majitel' });
      await s.setOrderPayment({ number: shipped, status: 'paid', actor: 'Majitel' });
      // Shipped issued its invoice (Configuration says so above); a credit note for part of it.
      const [invoice] = (await s.listInvoices({ limit: 10 })).items;
      await s.creditInvoice({ invoiceId: invoice!.id, request: { reason: 'Vrácené zboží', amount: 5000 }, actor: 'Majitel' });
      await s.addOrderNote({ number: shipped, text: 'Zákazník volal, chce doručit odpoledne.', actor: 'Majitel' });
      await s.emailOrderCustomer({ number: shipped, subject: 'Dotaz', body: 'Dobrý den, balík je na cestě.', actor: 'Majitel' });
      cancelled = (await placeOrder(kramek, { paymentMethod: 'cash-on-delivery', shippingAddress: null, billingAddress: { ...BUYER.billingAddress, country: 'SK' } })).number;
      await s.changeOrderStatus({ number: cancelled, status: 'cancelled', notifyCustomer: false, actor: 'Majitel' });
      // Emails of every kind in the log, sent and failed.
      await s.queueEmail(null, { kind: 'customer_account', to: 'jana@example.cz', from: 'noreply@example.cz', subject: 'Obnovení hesla', text: 'x', html: '<p>x</p>' });
      await s.queueEmail(null, { kind: 'withdrawal', to: 'jana@example.cz', from: 'noreply@example.cz', subject: `Odstoupení od smlouvy ${shipped}`, text: 'x', html: '<p>x</p>' });
      await s.deliverQueuedEmails({ worker: 'test-worker', batchSize: 50 });
      customerId = (await createCustomer(kramek, await ownerToken(kramek), { email: 'olga@example.cz', name: 'Olga Součková', billingAddress: { street: 'Dlouhá 5', city: 'Praha', zip: '110 00', country: 'CZ' } })).id;
    });
    after(() => kramek.close());

    const pages = () => [
      '/admin',
      '/admin/objednavky',
      `/admin/objednavky/${shipped}`,
      `/admin/objednavky/${cancelled}`,
      '/admin/emaily',
      '/admin/konfigurace',
      '/admin/konfigurace/dokumenty',
      '/admin/konfigurace/emaily',
      '/admin/konfigurace/objednavky',
      '/admin/konfigurace/historie',
      '/admin/konfigurace/doklady',
      '/admin/objednavky/doklady',
      `/admin/zakaznici/${customerId}`,
    ];

    test('orders with their history, the email log, Configuration with its change history and a customer, in Czech', async () => {
      for (const url of pages()) {
        const page = await owner.get(url);
        assert.equal(page.statusCode, 200, url);
        assertInWords(page.body, url);
      }
      const detail = visibleText((await owner.get(`/admin/objednavky/${shipped}`)).body);
      assert.match(detail, /Česká republika/);
      assert.match(detail, /potvrzení objednávky → jana@example\.cz/);
      assert.match(detail, /Zásilkovna: Z 123 456 789/);
      assert.match((await owner.get(`/admin/objednavky/${shipped}`)).body, /href="https:\/\/tracking\.packeta\.com\/cs\/\?id=Z123456789"/, 'the link has the number without spaces');
      assert.match(visibleText((await owner.get(`/admin/objednavky/${cancelled}`)).body), /Slovensko/);
      const history = visibleText((await owner.get('/admin/konfigurace/historie')).body);
      assert.match(history, /Obchod › Bankovní účty ?: — → Fio: 2000145399\/2010/);
      assert.match(history, /E-maily › Poslat zákazníkovi e-mail, když objednávka přejde do stavu: Odeslaná \(s číslem zásilky\) ?: ano → ne/);
      assert.match(history, /Česká pošta – balík do ruky 119,00 Kč \(nenabízí se\)/);
      assert.match(history, /Šablony e-mailů › Objednávka odeslána \(čeština\) › Předmět/);
      assert.match(history, /Doklady \/ Faktury › Kdy vystavit fakturu ?: Ručně v detailu objednávky → Automaticky při odeslání objednávky/);
      assert.match(history, /Doklady \/ Faktury › Variabilní symbol na faktuře ?: Číslo objednávky → Číslo faktury/);
      const log = visibleText((await owner.get('/admin/emaily')).body);
      assert.match(log, /Účet zákazníka/);
      assert.match(log, /Odstoupení od smlouvy/);
      assert.match(log, /\b\d{1,2}\. \d{1,2}\. \d{4} \d{2}:\d{2}\b/, 'the admin’s one date format');
    });

    test('the confirmation of shipping names the carrier, not its code', async () => {
      const number = (await placeOrder(kramek)).number;
      const page = await owner.get(`/admin/objednavky/${number}`);
      const confirm = await owner.post(`/admin/objednavky/${number}/stav`, { _csrf: csrfTokenOf(page.body), status: 'shipped', carrier: 'zasilkovna', trackingNumber: 'Z 987' });
      assert.equal(confirm.statusCode, 200);
      assert.match(visibleText(confirm.body), /Číslo zásilky: Z 987 \(Zásilkovna\)/);
      assertInWords(confirm.body, 'the shipping confirmation');
    });

    test('the same pages in English', async () => {
      await owner.get('/jazyk/en?next=/admin');
      for (const url of pages()) {
        const page = await owner.get(url);
        assert.match(page.body, /<html lang="en"/, url);
        for (const { what, pattern } of INTERNAL.slice(0, 4)) assert.doesNotMatch(visibleText(page.body), pattern, `${url}: ${what}`);
      }
      assert.match(visibleText((await owner.get('/admin/konfigurace/historie')).body), /Shop › Bank accounts/);
      assert.match(visibleText((await owner.get(`/admin/objednavky/${shipped}`)).body), /Czech Republic/);
      await owner.get('/jazyk/cs?next=/admin');
    });
  });
}
