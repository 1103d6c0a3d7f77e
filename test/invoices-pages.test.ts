/**
 * Invoices as the owner and the customer meet them in the browser, on both databases: issuing from the order detail
 * (with a confirmation), the Invoices list and its export, the credit note form, Configuration's "Doklady / Faktury",
 * the customer's documents in the account and behind the email's tokenised link, the email with the PDF attached.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from './support/databases.js';
import { Agent, csrfTokenOf } from './support/agent.js';
import { signedInAgent } from './support/catalog.js';
import { buyThroughCheckout, emailsTo, linkIn, registered, startAccountsKramek, type AccountsKramek } from './support/accounts.js';
import { SELLER } from './support/invoices.js';
import { pdfPages, plain } from './support/pdf.js';
import { POHODA_XSD, xmllint } from './support/xml.js';
import type { TestKramek } from './support/kramek.js';

for (const dialect of DIALECTS) {
  describe(`invoices in the admin pages and the customer account on ${dialect.name}`, () => {
    let kramek: AccountsKramek;
    let owner: Agent;
    let customer: Agent;
    let orderNumber: string;
    let orderToken: string;
    let invoiceId: number;
    let invoiceNumber: string;
    const detailUrl = () => `/admin/objednavky/${orderNumber}`;

    before(async () => {
      kramek = await startAccountsKramek(dialect);
      await kramek.core.services.updateSettings({ patch: { shop: { ...SELLER, bankAccounts: [{ label: 'Fio', number: '2000145399/2010' }] } }, actor: 'test' });
      owner = await signedInAgent(kramek as unknown as TestKramek, '10.17.0.1');
      customer = await registered(kramek, '10.17.0.2', 'zakaznice@example.cz');
      ({ number: orderNumber, token: orderToken } = await buyThroughCheckout(kramek, customer));
    });
    after(() => kramek.close());

    test('the owner issues the invoice from the order detail after a confirmation; it shows with its files and on the timeline', async () => {
      const detail = await owner.get(detailUrl());
      assert.match(detail.body, /id="doklady"/);
      assert.match(detail.body, /K objednávce zatím není vystaven žádný doklad/);
      const confirm = await owner.post(`${detailUrl()}/faktura`, { _csrf: csrfTokenOf(detail.body) });
      assert.equal(confirm.statusCode, 200);
      assert.match(confirm.body, /Vystavit k objednávce \d+ fakturu/);
      assert.match(confirm.body, /zakaznice@example\.cz\) bude odeslán e-mail/);
      assert.equal((await kramek.core.db.selectFrom('invoices').selectAll().execute()).length, 0, 'nothing before the confirmation');
      const done = await owner.post(`${detailUrl()}/faktura`, { _csrf: csrfTokenOf(confirm.body), confirmed: '1' });
      assert.equal(done.statusCode, 303);
      const after = await owner.get(String(done.headers.location).replace(/#.*/, ''));
      const match = /Faktura (FV\d{4}-\d{5}) byla vystavena/.exec(after.body);
      assert.ok(match, 'the flash names the invoice');
      invoiceNumber = match[1]!;
      invoiceId = Number(/\/admin\/objednavky\/doklady\/(\d+)\.pdf/.exec(after.body)![1]);
      assert.match(after.body, new RegExp(`Faktura – daňový doklad</strong> ${invoiceNumber}`));
      assert.match(after.body, /timeline-invoice/);
      assert.doesNotMatch(after.body, /Vystavit fakturu<\/button>/, 'an invoiced order offers no second invoice');
      const twice = await owner.post(`${detailUrl()}/faktura`, { _csrf: csrfTokenOf(after.body), confirmed: '1' });
      assert.match((await owner.get(String(twice.headers.location).replace(/#.*/, ''))).body, /už má platnou fakturu/);

      const pdf = await owner.get(`/admin/objednavky/doklady/${invoiceId}.pdf`);
      assert.equal(pdf.statusCode, 200);
      assert.match(String(pdf.headers['content-disposition']), new RegExp(`attachment; filename="faktura-${invoiceNumber}\\.pdf"`));
      assert.ok(plain(pdfPages(pdf.rawPayload).join('\n')).includes(invoiceNumber));
      assert.match((await owner.get(`/admin/objednavky/doklady/${invoiceId}.isdoc`)).body, /<Invoice xmlns="http:\/\/isdoc\.cz\/namespace\/2013"/);
    });

    test('the Invoices list filters, exports for Pohoda and says clearly what is wrong', async () => {
      const list = await owner.get('/admin/objednavky/doklady');
      assert.equal(list.statusCode, 200);
      assert.match(list.body, new RegExp(invoiceNumber));
      assert.match((await owner.get('/admin/objednavky')).body, /href="\/admin\/objednavky\/doklady"/, 'reachable from the Orders panel');
      assert.match((await owner.get('/admin/objednavky/doklady?series=credit_note')).body, /Filtrům neodpovídá žádný doklad/);
      assert.match((await owner.get('/admin/objednavky/doklady?from=nonsense')).body, /flash-error/);
      // Issue days are Prague days: around midnight UTC, Prague's today is the UTC tomorrow.
      const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
      const exported = await owner.get(`/admin/objednavky/doklady/export.xml?from=${day(-3)}&to=${day(1)}`);
      assert.equal(exported.statusCode, 200);
      xmllint(exported.body, POHODA_XSD);
      assert.match(exported.body, new RegExp(invoiceNumber));
      const bad = await owner.get('/admin/objednavky/doklady/export.xml?from=&to=');
      assert.equal(bad.statusCode, 303);
      assert.match((await owner.get('/admin/objednavky/doklady')).body, /Export pro Pohodu: Zadejte datum/);
    });

    test('the credit note form refuses a missing reason or too many pieces beside the field, then issues the credit note', async () => {
      const url = `/admin/objednavky/doklady/${invoiceId}/oprava`;
      const form = await owner.get(url);
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /Zbývá opravit: /);
      const noReason = await owner.post(url, { _csrf: csrfTokenOf(form.body), mode: 'lines', 'q.1': '1', reason: '' });
      assert.equal(noReason.statusCode, 422);
      assert.match(noReason.body, /Uveďte důvod opravy/);
      assert.match(noReason.body, /name="q\.1"[^>]*value="1"/, 'the typed values stay');
      const tooMany = await owner.post(url, { _csrf: csrfTokenOf(noReason.body), mode: 'lines', 'q.1': '5', reason: 'Vrácené zboží' });
      assert.equal(tooMany.statusCode, 422);
      assert.match(tooMany.body, /href="#q-1"[^>]*>Oprava nesmí být vyšší/);
      const nothing = await owner.post(url, { _csrf: csrfTokenOf(tooMany.body), mode: 'lines', reason: 'Vrácené zboží' });
      assert.match(nothing.body, /Vyberte alespoň jednu položku/);
      assert.equal(await kramek.core.db.selectFrom('invoices').select('id').where('kind', '=', 'credit_note').execute().then((r) => r.length), 0);
      const done = await owner.post(url, { _csrf: csrfTokenOf(nothing.body), mode: 'lines', 'q.1': '1', reason: 'Vrácené zboží' });
      assert.equal(done.statusCode, 303);
      const detail = await owner.get(String(done.headers.location).replace(/#.*/, ''));
      assert.match(detail.body, /Opravný doklad OD\d{4}-00001 byl vystaven/);
      assert.match(detail.body, /částečně opravena/);
    });

    test('the customer finds both documents in the account and downloads them; nobody else can', async () => {
      const page = await customer.get(`/ucet/objednavky/${orderNumber}`);
      assert.match(page.body, /<h2 id="documents-title">Doklady<\/h2>/);
      const links = [...page.body.matchAll(/href="(\/ucet\/objednavky\/\d+\/doklady\/\d+\.pdf)"/g)].map((m) => m[1]!);
      assert.equal(links.length, 2);
      const pdf = await customer.get(links[0]!);
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      assert.ok(plain(pdfPages(pdf.rawPayload).join('\n')).includes(invoiceNumber));
      const stranger = await registered(kramek, '10.17.0.3', 'cizi@example.cz');
      assert.equal((await stranger.get(links[0]!)).statusCode, 404);
      assert.equal((await new Agent(kramek.app, '10.17.0.4').get(links[0]!)).statusCode, 303, 'signed out: to the sign-in');

      // The guest link of the email works without signing in, for this order's documents only.
      const email = (await emailsTo(kramek, 'zakaznice@example.cz')).find((e) => e.kind === 'invoice')!;
      assert.ok(email);
      const guestLink = linkIn(email.text_body, '/objednavka/');
      const visitor = new Agent(kramek.app, '10.17.0.5');
      assert.equal((await visitor.get(guestLink)).statusCode, 200);
      assert.equal((await visitor.get(guestLink.replace(/t=.*/, 't=' + 'x'.repeat(40)))).statusCode, 404);
      const other = await buyThroughCheckout(kramek, stranger);
      assert.equal((await visitor.get(`/objednavka/${other.number}/doklady/${invoiceId}.pdf?t=${encodeURIComponent(other.token)}`)).statusCode, 404);
      const orderPage = await visitor.get(`/objednavka/${orderNumber}?t=${encodeURIComponent(orderToken)}`);
      assert.match(orderPage.body, new RegExp(`/objednavka/${orderNumber}/doklady/${invoiceId}\\.pdf\\?t=`));
    });

    test('the email carries the PDF; the admin customer profile lists the documents', async () => {
      while ((await kramek.core.services.deliverQueuedEmails({ worker: 'test' })).claimed > 0);
      const email = (await kramek.core.services.listOutboxEmails({ limit: 50 })).find((e) => e.kind === 'invoice' && e.subject.includes(invoiceNumber))!;
      assert.equal(email.status, 'sent');
      const eml = await kramek.core.services.readSavedEmail(email.id);
      assert.match(eml ?? '', new RegExp(`filename="?faktura-${invoiceNumber}\\.pdf`));
      const customerId = (await kramek.core.db.selectFrom('orders').select('customer_id').where('number', '=', orderNumber).executeTakeFirstOrThrow()).customer_id;
      const profile = await owner.get(`/admin/zakaznici/${customerId}`);
      assert.match(profile.body, new RegExp(`${invoiceNumber}[\\s\\S]*OD\\d{4}-00001|OD\\d{4}-00001[\\s\\S]*${invoiceNumber}`));
    });

    test('Configuration → Doklady / Faktury validates the number patterns and saves the issuing moment', async () => {
      const page = await owner.get('/admin/konfigurace/doklady');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Doklady \/ Faktury/);
      assert.match(page.body, /je tedy plátce DPH/);
      const fields = { issueOn: 'paid', invoiceNumberFormat: 'FV{YYYY}', creditNoteNumberFormat: 'OD{YYYY}-{SEQ:5}', variableSymbol: 'order', dueDays: '14' };
      const bad = await owner.post('/admin/konfigurace/doklady', { _csrf: csrfTokenOf(page.body), ...fields });
      assert.equal(bad.statusCode, 422);
      assert.match(bad.body, /právě jedno pořadové číslo/);
      assert.match(bad.body, /value="FV\{YYYY\}"/);
      const clash = await owner.post('/admin/konfigurace/doklady', { _csrf: csrfTokenOf(bad.body), ...fields, invoiceNumberFormat: 'OD{YY}-{SEQ:4}' });
      assert.match(clash.body, /se musí lišit/);
      const saved = await owner.post('/admin/konfigurace/doklady', { _csrf: csrfTokenOf(clash.body), ...fields, invoiceNumberFormat: 'F{YYYY}/{SEQ:4}', simplified: '1' });
      assert.equal(saved.statusCode, 303);
      const settings = await kramek.core.services.getSettings();
      assert.deepEqual(settings.invoices, { issueOn: 'paid', invoiceNumberFormat: 'F{YYYY}/{SEQ:4}', creditNoteNumberFormat: 'OD{YYYY}-{SEQ:5}', simplified: true, variableSymbol: 'order', dueDays: 14 });
      const templates = await owner.get('/admin/konfigurace/sablony?sablona=credit_note_issued');
      assert.match(templates.body, /Opravný doklad vystaven/);
      assert.match(templates.body, /důvod opravy/);
    });
  });
}
