import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from './support/databases.js';
import { OWNER } from './support/kramek.js';
import { Agent, csrfTokenOf } from './support/agent.js';
import { emailsTo, linkIn, PASSWORD, registered, startAccountsKramek, type AccountsKramek } from './support/accounts.js';

for (const dialect of DIALECTS) {
  describe(`customer accounts on ${dialect.name}`, () => {
    let kramek: AccountsKramek;
    before(async () => {
      kramek = await startAccountsKramek(dialect);
    });
    after(() => kramek.close());

    const signIn = (agent: Agent, email: string, password: string) => agent.submit('/ucet/prihlaseni', '/ucet/prihlaseni', { email, password });

    test('registration checks the form, suggests a typo fix once, signs in and refuses a second account for the email', async () => {
      const agent = new Agent(kramek.app, '10.41.0.1');
      const form = await agent.get('/ucet/registrace');
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /name="_csrf"/);
      const withoutToken = await agent.post('/ucet/registrace', { email: 'pavel@example.cz', name: 'Pavel', password: PASSWORD });
      assert.equal(withoutToken.statusCode, 403);

      const bad = await agent.post('/ucet/registrace', { _csrf: csrfTokenOf(form.body), email: 'pavel@', name: '', password: 'krátké' });
      assert.equal(bad.statusCode, 422);
      assert.match(bad.body, /Zadejte e-mail ve tvaru/);
      assert.match(bad.body, /Heslo musí mít alespoň 10 znaků/);
      assert.match(bad.body, /Vyplňte toto pole/);

      const typo = await agent.post('/ucet/registrace', { _csrf: csrfTokenOf(bad.body), email: 'pavel@gmial.com', name: 'Pavel Novák', password: PASSWORD });
      assert.equal(typo.statusCode, 422);
      assert.match(typo.body, /Mysleli jste pavel@gmail\.com\?/);
      const noMail = await agent.post('/ucet/registrace', { _csrf: csrfTokenOf(typo.body), email: 'pavel@nomail.cz', name: 'Pavel Novák', password: PASSWORD });
      assert.equal(noMail.statusCode, 422);
      assert.match(noMail.body, /nepřijímá e-maily/);
      // The same address again, as the customer kept it: accepted.
      const kept = await agent.post('/ucet/registrace', { _csrf: csrfTokenOf(typo.body), email: 'pavel@gmial.com', emailChecked: 'pavel@gmial.com', name: 'Pavel Novák', password: PASSWORD });
      assert.equal(kept.statusCode, 303, kept.body);
      assert.equal(kept.headers.location, '/ucet');
      const account = await agent.get('/ucet');
      assert.equal(account.statusCode, 200);
      assert.match(account.body, /Dobrý den, Pavel Novák/);
      assert.match(account.body, /Můj účet/);
      const row = await kramek.core.db.selectFrom('customers').select(['email', 'password_hash']).where('email', '=', 'pavel@gmial.com').executeTakeFirstOrThrow();
      assert.match(row.password_hash!, /^\$argon2id\$/);

      const other = new Agent(kramek.app, '10.41.0.2');
      const again = await other.submit('/ucet/registrace', '/ucet/registrace', { email: 'PAVEL@gmial.com', emailChecked: 'pavel@gmial.com', name: 'Někdo', password: PASSWORD });
      assert.equal(again.statusCode, 409);
      assert.match(again.body, /Účet s tímto e-mailem už existuje/);
    });

    test('sign-in regenerates the session, sign-out needs the CSRF token and ends only the customer', async () => {
      await registered(kramek, '10.41.1.1', 'eva@example.cz', 'Eva Malá');
      const agent = new Agent(kramek.app, '10.41.1.2');
      const before = await agent.get('/ucet/prihlaseni');
      const anonymousCookie = agent.cookieHeader();
      const wrong = await agent.post('/ucet/prihlaseni', { _csrf: csrfTokenOf(before.body), email: 'eva@example.cz', password: 'spatne-heslo-123' });
      assert.equal(wrong.statusCode, 401);
      assert.match(wrong.body, /E-mail nebo heslo nesouhlasí/);
      const ok = await agent.post('/ucet/prihlaseni', { _csrf: csrfTokenOf(wrong.body), email: ' Eva@Example.cz ', password: PASSWORD, next: '/ucet/nastaveni' });
      assert.equal(ok.statusCode, 303);
      assert.equal(ok.headers.location, '/ucet/nastaveni');
      assert.notEqual(agent.cookieHeader(), anonymousCookie);
      const home = await agent.get('/');
      assert.match(home.body, /href="\/ucet"[^>]*>Můj účet/);

      const page = await agent.get('/ucet');
      const noToken = await agent.post('/ucet/odhlaseni', {});
      assert.equal(noToken.statusCode, 403);
      assert.equal((await agent.get('/ucet')).statusCode, 200);
      const out = await agent.post('/ucet/odhlaseni', { _csrf: csrfTokenOf(page.body) });
      assert.equal(out.statusCode, 303);
      const after = await agent.get('/ucet');
      assert.equal(after.statusCode, 303);
      assert.equal(after.headers.location, '/ucet/prihlaseni?next=%2Fucet');
      assert.match((await agent.get('/')).body, /href="\/ucet\/prihlaseni"[^>]*>Přihlásit/);
    });

    test('a signed-in page is never served from or stored in the anonymous page cache', async () => {
      const anonymous = new Agent(kramek.app, '10.41.2.1');
      assert.match((await anonymous.get('/')).body, />Přihlásit</);
      const customer = await registered(kramek, '10.41.2.2', 'cache@example.cz');
      const signedIn = await customer.get('/');
      assert.match(signedIn.body, />Můj účet</);
      assert.doesNotMatch(signedIn.body, />Přihlásit</);
      assert.match((await anonymous.get('/')).body, />Přihlásit</);
      assert.doesNotMatch((await new Agent(kramek.app, '10.41.2.3').get('/')).body, /Můj účet/);
    });

    test('failed sign-ins are throttled like the admin’s, without locking out the admin account', async () => {
      await registered(kramek, '10.41.3.1', 'petr@example.cz');
      const agent = new Agent(kramek.app, '10.41.3.2');
      for (let i = 0; i < 5; i++) assert.equal((await signIn(agent, 'petr@example.cz', `spatne-heslo-${i}0`)).statusCode, 401);
      const locked = await signIn(agent, 'petr@example.cz', PASSWORD);
      assert.equal(locked.statusCode, 429);
      assert.match(locked.body, /Příliš mnoho neúspěšných pokusů/);
      // From another address too: the account is what is locked.
      assert.equal((await signIn(new Agent(kramek.app, '10.41.3.3'), 'petr@example.cz', PASSWORD)).statusCode, 429);
      kramek.clock.advance(16 * 60 * 1000);
      assert.equal((await signIn(new Agent(kramek.app, '10.41.3.4'), 'petr@example.cz', PASSWORD)).statusCode, 303);

      const attacker = new Agent(kramek.app, '10.41.3.5');
      for (let i = 0; i < 6; i++) await signIn(attacker, OWNER.email, `spatne-heslo-${i}0`);
      const admin = await new Agent(kramek.app, '10.41.3.6').signIn(OWNER.email, OWNER.password);
      assert.equal(admin.statusCode, 303);
    });

    test('a blocked customer cannot sign in and an open session stops working; a deleted one too', async () => {
      const agent = await registered(kramek, '10.41.4.1', 'blok@example.cz');
      assert.equal((await agent.get('/ucet')).statusCode, 200);
      await kramek.core.db.updateTable('customers').set({ blocked: 1 }).where('email', '=', 'blok@example.cz').execute();
      const page = await agent.get('/ucet');
      assert.equal(page.statusCode, 303);
      assert.match(String(page.headers.location), /^\/ucet\/prihlaseni/);
      const refused = await signIn(new Agent(kramek.app, '10.41.4.2'), 'blok@example.cz', PASSWORD);
      assert.equal(refused.statusCode, 403);
      assert.match(refused.body, /Tento účet je zablokovaný/);

      const gone = await registered(kramek, '10.41.4.3', 'smazany@example.cz');
      await kramek.core.db.deleteFrom('customers').where('email', '=', 'smazany@example.cz').execute();
      assert.equal((await gone.get('/ucet')).statusCode, 303);
      assert.doesNotMatch((await gone.get('/')).body, /Můj účet/);
    });

    test('password reset: the same answer for any address, a hashed one-time link that expires', async () => {
      const earlier = await registered(kramek, '10.41.5.1', 'reset@example.cz');
      const agent = new Agent(kramek.app, '10.41.5.2');
      const unknown = await agent.submit('/ucet/zapomenute-heslo', '/ucet/zapomenute-heslo', { email: 'nikdo@example.cz' });
      const known = await agent.submit('/ucet/zapomenute-heslo', '/ucet/zapomenute-heslo', { email: 'Reset@example.cz' });
      assert.equal(unknown.statusCode, 303);
      assert.equal(known.statusCode, unknown.statusCode);
      assert.equal(unknown.headers.location, known.headers.location);
      assert.match((await agent.get('/ucet/prihlaseni')).body, /Pokud u nás účet s tímto e-mailem existuje/);
      assert.equal((await emailsTo(kramek, 'nikdo@example.cz')).length, 0);
      const [mail] = await emailsTo(kramek, 'reset@example.cz');
      assert.ok(mail);
      assert.equal(mail.kind, 'customer_account');
      assert.match(mail.subject, /nastavení nového hesla/);
      const link = linkIn(mail.text_body, '/ucet/nove-heslo/');
      const token = link.split('/').pop()!;
      const stored = await kramek.core.db.selectFrom('customer_tokens').selectAll().where('purpose', '=', 'password_reset').execute();
      assert.ok(stored.length >= 1);
      assert.ok(stored.every((t) => t.token_hash !== token && /^[0-9a-f]{64}$/.test(t.token_hash)));

      const form = await agent.get(link);
      assert.equal(form.statusCode, 200);
      const short = await agent.post(link, { _csrf: csrfTokenOf(form.body), password: 'kratke' });
      assert.equal(short.statusCode, 422);
      const done = await agent.post(link, { _csrf: csrfTokenOf(short.body), password: 'nove-heslo-12345' });
      assert.equal(done.statusCode, 303);
      assert.equal((await signIn(new Agent(kramek.app, '10.41.5.3'), 'reset@example.cz', PASSWORD)).statusCode, 401);
      assert.equal((await signIn(new Agent(kramek.app, '10.41.5.4'), 'reset@example.cz', 'nove-heslo-12345')).statusCode, 303);
      // A session begun with the old password (someone who knew it) ends with the reset.
      assert.equal((await earlier.get('/ucet')).statusCode, 303);
      // Single use.
      assert.equal((await agent.get(link)).statusCode, 404);
      const reused = await agent.post(link, { _csrf: csrfTokenOf((await agent.get('/ucet/zapomenute-heslo')).body), password: 'jeste-jine-heslo-1' });
      assert.equal(reused.statusCode, 404);
      assert.equal((await agent.get('/ucet/nove-heslo/neplatny-token')).statusCode, 404);

      // An unused link dies after an hour.
      await agent.submit('/ucet/zapomenute-heslo', '/ucet/zapomenute-heslo', { email: 'reset@example.cz' });
      const second = (await emailsTo(kramek, 'reset@example.cz')).at(-1)!;
      const late = linkIn(second.text_body, '/ucet/nove-heslo/');
      assert.notEqual(late, link);
      kramek.clock.advance(61 * 60 * 1000);
      assert.equal((await agent.get(late)).statusCode, 404);
    });

    test('email change: password asked, link sent to the new address, the email changes only when confirmed', async () => {
      const agent = await registered(kramek, '10.41.6.1', 'stary@example.cz');
      const settings = await agent.get('/ucet/nastaveni');
      assert.match(settings.body, /Současný e-mail: stary@example\.cz/);
      const wrong = await agent.post('/ucet/nastaveni/email', { _csrf: csrfTokenOf(settings.body), newEmail: 'novy@example.cz', emailPassword: 'spatne-heslo-1' });
      assert.equal(wrong.statusCode, 422);
      assert.match(wrong.body, /Současné heslo nesouhlasí/);
      const taken = await agent.post('/ucet/nastaveni/email', { _csrf: csrfTokenOf(wrong.body), newEmail: 'eva@example.cz', emailPassword: PASSWORD });
      assert.equal(taken.statusCode, 422);
      assert.match(taken.body, /Účet s tímto e-mailem už existuje/);
      const asked = await agent.post('/ucet/nastaveni/email', { _csrf: csrfTokenOf(taken.body), newEmail: 'novy@example.cz', emailPassword: PASSWORD });
      assert.equal(asked.statusCode, 303);
      assert.match((await agent.get('/ucet/nastaveni')).body, /Současný e-mail: stary@example\.cz/);
      const [mail] = await emailsTo(kramek, 'novy@example.cz');
      assert.ok(mail);
      assert.match(mail.text_body, /novy@example\.cz/);
      const link = linkIn(mail.text_body, '/ucet/potvrdit-email/');
      const confirmed = await agent.get(link);
      assert.equal(confirmed.statusCode, 303);
      assert.match((await agent.get('/ucet/nastaveni')).body, /Současný e-mail: novy@example\.cz/);
      assert.equal((await agent.get(link)).statusCode, 404);
      assert.equal((await signIn(new Agent(kramek.app, '10.41.6.2'), 'novy@example.cz', PASSWORD)).statusCode, 303);
      assert.equal((await signIn(new Agent(kramek.app, '10.41.6.3'), 'stary@example.cz', PASSWORD)).statusCode, 401);
    });

    test('account pages send a signed-out visitor to sign-in and speak English when asked', async () => {
      const agent = new Agent(kramek.app, '10.41.7.1');
      for (const url of ['/ucet', '/ucet/nastaveni', '/ucet/objednavky/2026000001', '/ucet/objednavky/2026000001/doklad.pdf']) {
        const response = await agent.get(url);
        assert.equal(response.statusCode, 303, url);
        assert.equal(response.headers.location, `/ucet/prihlaseni?next=${encodeURIComponent(url)}`);
      }
      const english = await agent.request({ method: 'GET', url: '/ucet/registrace', headers: { cookie: 'lang=en' } });
      assert.match(english.body, /Create an account/);
      assert.match(english.body, /lang="en"/);
    });
  });
}
