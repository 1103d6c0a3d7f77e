import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from './support/databases.js';
import { startKramek, OWNER, type TestKramek } from './support/kramek.js';
import { Agent, csrfTokenOf } from './support/agent.js';
import { placeOrder, setUpShop } from './support/orders.js';
import { createCustomer, orderFor } from './support/customers.js';
import { freePort, TestSmtp } from './support/smtp.js';

const STAFF = { email: 'sklad@example.cz', password: 'heslo-skladu-123', name: 'Petr Skladník' };

for (const dialect of DIALECTS) {
  describe(`the Zákazníci panel on ${dialect.name}`, () => {
    let kramek: TestKramek;
    let smtp: TestSmtp;
    let staff: Agent;
    let owner: Agent;
    let customer: { id: number; email: string; name: string };
    let numbers: string[];

    before(async () => {
      smtp = await new TestSmtp().start(await freePort());
      kramek = await startKramek(dialect, { env: { SMTP_URL: smtp.url } });
      const { authorization } = await setUpShop(kramek);
      await kramek.core.services.createAdminUser({ ...STAFF, role: 'staff' });
      staff = new Agent(kramek.app, '10.9.1.3');
      await staff.signIn(STAFF.email, STAFF.password);
      owner = new Agent(kramek.app, '10.9.1.4');
      await owner.signIn(OWNER.email, OWNER.password);
      customer = await createCustomer(kramek, authorization, { email: 'olga@example.cz', name: 'Olga Součková', phone: '606 777 888', company: 'Součkovi', ico: '25596641', billingAddress: { street: 'Polní 3', city: 'Tábor', zip: '39001' } });
      numbers = [await orderFor(kramek, customer, 1), await orderFor(kramek, customer, 2)];
      await placeOrder(kramek, { customer: { email: 'host@example.cz', name: 'Hugo Host', phone: null, company: null, ico: null, dic: null } });
    });
    after(async () => {
      await kramek.close();
      await smtp.stop();
    });

    test('the list shows customers with their orders, sorts, searches, and lists one-time buyers by email', async () => {
      const list = await staff.get('/admin/zakaznici');
      assert.equal(list.statusCode, 200);
      assert.doesNotMatch(list.body, /Tento panel se právě připravuje/);
      assert.match(list.body, new RegExp(`href="/admin/zakaznici/${customer.id}">Olga Součková<`));
      assert.match(list.body, /href="\/admin\/zakaznici\?razeni=spent"/);
      const sorted = await staff.get('/admin/zakaznici?razeni=orders');
      assert.match(sorted.body, /aria-sort="descending"><a href="\/admin\/zakaznici\?razeni=orders"/);
      assert.match((await staff.get('/admin/zakaznici?q=606777')).body, /Olga Součková/);
      assert.match((await staff.get('/admin/zakaznici?q=nikdo')).body, /Hledání nic nenašlo/);
      assert.equal((await staff.get('/admin/zakaznici?po=nesmysl')).statusCode, 422);

      const guests = await staff.get('/admin/zakaznici/jednorazovi');
      assert.match(guests.body, /href="\/admin\/zakaznici\/jednorazovi\?email=host%40example.cz">host@example.cz</);
      assert.doesNotMatch(guests.body, /olga@example.cz/);
      const guest = await staff.get('/admin/zakaznici/jednorazovi?email=HOST%40example.cz');
      assert.equal(guest.statusCode, 200);
      assert.match(guest.body, /Jednorázový zákazník host@example.cz/);
      assert.equal((await staff.get('/admin/zakaznici/jednorazovi?email=nikdo%40example.cz')).statusCode, 404);
    });

    test('the profile shows contact, addresses and orders; staff keep an internal note but get no GDPR tools', async () => {
      const url = `/admin/zakaznici/${customer.id}`;
      const profile = await staff.get(url);
      assert.equal(profile.statusCode, 200);
      for (const number of numbers) assert.match(profile.body, new RegExp(`href="/admin/objednavky/${number}"`));
      assert.match(profile.body, /Polní 3/);
      assert.match(profile.body, /390 01 Tábor/);
      assert.match(profile.body, /\+420 606 777 888/);
      assert.match(profile.body, /interní — zákazník nevidí/);
      assert.match(profile.body, /Export a anonymizaci smí provést jen majitel/);
      assert.doesNotMatch(profile.body, /export\.json/);

      assert.equal((await staff.post(`${url}/poznamka`, { note: 'bez tokenu' })).statusCode, 403);
      const saved = await staff.post(`${url}/poznamka`, { _csrf: csrfTokenOf(profile.body), note: 'Platí vždy předem.' });
      assert.equal(saved.statusCode, 303);
      const after = await staff.get(url);
      assert.match(after.body, /Poznámka uložena/);
      assert.match(after.body, />Platí vždy předem.</);
      assert.equal((await staff.get(`${url}/export.json`)).statusCode, 403);
      assert.equal((await staff.post(`${url}/anonymizovat`, { _csrf: csrfTokenOf(after.body), confirmed: '1' })).statusCode, 403);
      assert.equal((await staff.get('/admin/zakaznici/999999')).statusCode, 404);
    });

    test('a written email is checked, queued, delivered over SMTP and listed on the profile with its state', async () => {
      const url = `/admin/zakaznici/${customer.id}`;
      const bad = await staff.submit(url, `${url}/email`, { subject: '', body: 'Text, který zůstane.' });
      assert.equal(bad.statusCode, 422);
      assert.match(bad.body, /Vyplňte toto pole/);
      assert.match(bad.body, /Text, který zůstane./);

      const sent = await staff.submit(url, `${url}/email`, { subject: 'Vaše věrnostní sleva', body: 'Dobrý den,\nposíláme slevu 10 %.' });
      assert.equal(sent.statusCode, 303);
      assert.match((await staff.get(url)).body, /ve frontě/);
      const round = await kramek.core.services.deliverQueuedEmails({ worker: 'test', batchSize: 20 });
      assert.ok(round.sent >= 1);
      const mail = smtp.received.find((m) => m.parsed.subject === 'Vaše věrnostní sleva');
      assert.ok(mail, 'the email reached the SMTP server');
      assert.deepEqual(mail.envelopeTo, ['olga@example.cz']);
      assert.match(mail.parsed.text ?? '', /posíláme slevu 10 %/);
      const profile = await staff.get(url);
      assert.match(profile.body, /Vaše věrnostní sleva[\s\S]*?odesláno/);
      assert.match(profile.body, /E-mail zákazníkovi \(olga@example.cz\): Vaše věrnostní sleva/);
    });

    test('blocking asks first, then blocks sign-in; unblocking gives it back', async () => {
      const url = `/admin/zakaznici/${customer.id}`;
      const confirm = await staff.submit(url, `${url}/blokovat`, {});
      assert.equal(confirm.statusCode, 200);
      assert.match(confirm.body, /Zákazník se nebude moci přihlásit/);
      assert.equal((await kramek.core.services.getCustomer(customer.id)).blocked, false, 'nothing changes before confirming');
      assert.equal((await staff.post(`${url}/blokovat`, { _csrf: csrfTokenOf(confirm.body), confirmed: '1' })).statusCode, 303);
      assert.equal((await kramek.core.services.getCustomer(customer.id)).blocked, true);
      assert.match((await staff.get('/admin/zakaznici')).body, /zablokován/);
      assert.equal((await staff.submit(url, `${url}/odblokovat`, {})).statusCode, 303);
      assert.equal((await kramek.core.services.getCustomer(customer.id)).blocked, false);
    });

    test('the owner downloads the export and anonymises after confirming, for accounts and one-time buyers', async () => {
      const url = `/admin/zakaznici/${customer.id}`;
      const profile = await owner.get(url);
      assert.match(profile.body, new RegExp(`href="${url}/export.json"`));
      const exported = await owner.get(`${url}/export.json`);
      assert.equal(exported.statusCode, 200);
      assert.match(String(exported.headers['content-disposition']), /attachment/);
      assert.equal(exported.json().orders.length, 2);
      assert.ok(exported.json().emails.some((e: { subject: string }) => e.subject === 'Vaše věrnostní sleva'));

      const confirm = await owner.post(`${url}/anonymizovat`, { _csrf: csrfTokenOf(profile.body) });
      assert.match(confirm.body, /Tento krok nelze vrátit/);
      assert.equal((await kramek.core.services.getCustomer(customer.id)).anonymizedAt, null);
      const done = await owner.post(`${url}/anonymizovat`, { _csrf: csrfTokenOf(confirm.body), confirmed: '1' });
      assert.equal(done.statusCode, 303);
      const after = await owner.get(url);
      assert.match(after.body, /Osobní údaje byly anonymizovány \(objednávky: 2/);
      assert.match(after.body, /Anonymizovaný zákazník/);
      assert.doesNotMatch(after.body, /Součková|olga@example.cz|Polní 3/);

      const guestPage = await owner.get('/admin/zakaznici/jednorazovi?email=host%40example.cz');
      assert.equal((await owner.get('/admin/zakaznici/jednorazovi/export.json?email=host%40example.cz')).json().orders.length, 1);
      const guestConfirm = await owner.post('/admin/zakaznici/jednorazovi/anonymizovat', { _csrf: csrfTokenOf(guestPage.body), email: 'host@example.cz' });
      assert.match(guestConfirm.body, /Anonymizovat všechny nákupy bez registrace na e-mail host@example.cz/);
      const guestDone = await owner.post('/admin/zakaznici/jednorazovi/anonymizovat', { _csrf: csrfTokenOf(guestConfirm.body), email: 'host@example.cz', confirmed: '1' });
      assert.equal(guestDone.statusCode, 303);
      assert.doesNotMatch((await owner.get('/admin/zakaznici/jednorazovi')).body, /host@example.cz/);
    });
  });
}
