import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from './support/databases.js';
import { OWNER, startKramek, type TestKramek } from './support/kramek.js';
import { Agent, csrfTokenOf } from './support/agent.js';

for (const dialect of DIALECTS) {
  describe(`admin sign-in on ${dialect.name}`, () => {
    let kramek: TestKramek;
    before(async () => {
      kramek = await startKramek(dialect);
    });
    after(() => kramek.close());

    test('the first owner exists, with the password stored as an argon2id hash', async () => {
      const row = await kramek.core.db.selectFrom('admin_users').selectAll().where('email', '=', OWNER.email).executeTakeFirstOrThrow();
      assert.equal(row.role, 'owner');
      assert.match(row.password_hash, /^\$argon2id\$/);
      assert.ok(!row.password_hash.includes(OWNER.password));
    });

    test('signing in with the right password opens the admin; the session lives in the database', async () => {
      const agent = new Agent(kramek.app, '10.0.0.1');
      const response = await agent.signIn(OWNER.email, OWNER.password);
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, '/admin/objednavky');
      const cookie = response.cookies.find((c) => c.name === 'kramek_sid')!;
      assert.ok(cookie.httpOnly);
      assert.equal(cookie.sameSite, 'Lax');
      const home = await agent.get('/admin');
      assert.equal(home.statusCode, 200);
      assert.match(home.body, /Váš e-shop v sedmi krocích/);
      const sessions = await kramek.core.db.selectFrom('sessions').selectAll().execute();
      assert.ok(sessions.some((s) => JSON.parse(s.data).adminUserId > 0));
    });

    test('the email is matched without regard to case and spaces', async () => {
      const response = await new Agent(kramek.app, '10.0.0.2').signIn(`  ${OWNER.email.toUpperCase()} `, OWNER.password);
      assert.equal(response.statusCode, 303);
    });

    test('a wrong password is refused with a Czech message and no session', async () => {
      const agent = new Agent(kramek.app, '10.0.0.3');
      const response = await agent.signIn(OWNER.email, 'spatne-heslo-000');
      assert.equal(response.statusCode, 401);
      assert.match(response.body, /E-mail nebo heslo nesouhlasí/);
      assert.match(response.body, new RegExp(`value="${OWNER.email}"`), 'the email is kept');
      assert.equal((await agent.get('/admin')).statusCode, 303);
    });

    test('an unknown email gets the same answer as a wrong password', async () => {
      const response = await new Agent(kramek.app, '10.0.0.4').signIn('nikdo@example.cz', 'cokoliv-dlouheho');
      assert.equal(response.statusCode, 401);
      assert.match(response.body, /E-mail nebo heslo nesouhlasí/);
    });

    test('after 5 failures the account is locked out, even for the right password, from any address', async () => {
      await kramek.core.services.createAdminUser({ email: 'obsluha@example.cz', password: 'heslo-obsluhy-1', role: 'staff' });
      for (let i = 0; i < 5; i++) {
        const r = await new Agent(kramek.app, `10.1.0.${i}`).signIn('obsluha@example.cz', `spatne-${i}-heslo`);
        assert.equal(r.statusCode, 401);
      }
      const locked = await new Agent(kramek.app, '10.1.1.1').signIn('obsluha@example.cz', 'heslo-obsluhy-1');
      assert.equal(locked.statusCode, 429);
      assert.match(locked.body, /Příliš mnoho neúspěšných pokusů/);
    });

    test('one address trying many accounts is locked out after 20 failures', async () => {
      const agent = new Agent(kramek.app, '10.2.0.1');
      for (let i = 0; i < 20; i++) assert.equal((await agent.signIn(`host${i}@example.cz`, 'spatne-heslo-x')).statusCode, 401);
      assert.equal((await agent.signIn(OWNER.email, OWNER.password)).statusCode, 429);
      assert.equal((await new Agent(kramek.app, '10.2.0.2').signIn(OWNER.email, OWNER.password)).statusCode, 303, 'other addresses still sign in');
    });

    test('a form post without the CSRF token is refused and signs nobody in', async () => {
      const agent = new Agent(kramek.app, '10.3.0.1');
      await agent.get('/admin/prihlaseni');
      const response = await agent.post('/admin/prihlaseni', { email: OWNER.email, password: OWNER.password });
      assert.equal(response.statusCode, 403);
      assert.match(response.body, /Platnost formuláře vypršela/);
      assert.equal((await agent.get('/admin')).statusCode, 303);
      const forged = await agent.post('/admin/prihlaseni', { _csrf: 'forged-token', email: OWNER.email, password: OWNER.password });
      assert.equal(forged.statusCode, 403);
    });

    test('signing out needs the CSRF token too, and ends the session', async () => {
      const agent = new Agent(kramek.app, '10.4.0.1');
      await agent.signIn(OWNER.email, OWNER.password);
      assert.equal((await agent.post('/admin/odhlaseni', {})).statusCode, 403);
      assert.equal((await agent.get('/admin')).statusCode, 200, 'still signed in after the forged sign-out');
      const out = await agent.submit('/admin', '/admin/odhlaseni', {});
      assert.equal(out.statusCode, 303);
      assert.equal((await agent.get('/admin')).statusCode, 303);
    });

    test('a staff member sees six panels and cannot open Configuration', async () => {
      await kramek.core.services.createAdminUser({ email: 'brigadnik@example.cz', password: 'brigadnik-heslo', role: 'staff' });
      const agent = new Agent(kramek.app, '10.5.0.1');
      assert.equal((await agent.signIn('brigadnik@example.cz', 'brigadnik-heslo')).statusCode, 303);
      const home = await agent.get('/admin');
      assert.doesNotMatch(home.body, /href="\/admin\/konfigurace"/);
      assert.equal((await agent.get('/admin/konfigurace')).statusCode, 403);
      assert.equal((await agent.get('/admin/objednavky')).statusCode, 200);
    });

    test('every admin page redirects a signed-out visitor to sign-in (303), unknown ones too', async () => {
      const paths = adminGetRoutes(kramek).filter((p) => p !== '/admin/prihlaseni');
      assert.ok(paths.length >= 8, `found ${paths.length} admin pages`);
      for (const path of [...paths, '/admin/neexistuje']) {
        const response = await kramek.app.inject({ method: 'GET', url: path });
        assert.equal(response.statusCode, 303, path);
        assert.match(String(response.headers.location), /^\/admin\/prihlaseni/, path);
      }
      const post = await kramek.app.inject({ method: 'POST', url: '/admin/odhlaseni', payload: {} });
      assert.equal(post.statusCode, 303);
    });

    test('a session made on one app server is honoured by another (shared database)', async () => {
      const agent = new Agent(kramek.app, '10.6.0.1');
      await agent.signIn(OWNER.email, OWNER.password);
      const other = await startKramek(dialect, { database: kramek.database });
      try {
        const response = await other.app.inject({ method: 'GET', url: '/admin', headers: { cookie: agent.cookieHeader() } });
        assert.equal(response.statusCode, 200);
      } finally {
        await other.close();
      }
    });

    test('pages carry the security headers', async () => {
      for (const url of ['/', '/admin/prihlaseni']) {
        const response = await kramek.app.inject({ method: 'GET', url });
        const csp = String(response.headers['content-security-policy']);
        assert.match(csp, /script-src 'self'/);
        assert.doesNotMatch(csp, /unsafe-inline/);
        assert.match(csp, /frame-ancestors 'none'/);
        assert.equal(response.headers['x-content-type-options'], 'nosniff');
        assert.equal(response.headers['referrer-policy'], 'strict-origin-when-cross-origin');
        assert.equal(response.headers['x-frame-options'], 'DENY');
      }
    });

    test('the English switch changes the language and returns to the page', async () => {
      const agent = new Agent(kramek.app, '10.7.0.1');
      const sw = await agent.get('/jazyk/en?next=/admin/prihlaseni');
      assert.equal(sw.statusCode, 303);
      assert.equal(sw.headers.location, '/admin/prihlaseni');
      const page = await agent.get('/admin/prihlaseni');
      assert.match(page.body, /<html lang="en"/);
      assert.match(page.body, /Sign in to the administration/);
      assert.ok(csrfTokenOf(page.body));
    });
  });
}

function adminGetRoutes(kramek: TestKramek): string[] {
  return [...new Set(kramek.app.routeTable.filter((r) => r.method === 'GET' && r.url.startsWith('/admin')).map((r) => r.url))];
}
