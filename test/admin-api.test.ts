import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from './support/databases.js';
import { startKramek, type TestKramek } from './support/kramek.js';

for (const dialect of DIALECTS) {
  describe(`admin API tokens on ${dialect.name}`, () => {
    let kramek: TestKramek;
    before(async () => {
      kramek = await startKramek(dialect);
    });
    after(() => kramek.close());

    const apiRoutes = () => kramek.app.routeTable.filter((r) => r.url.startsWith('/api/admin') && r.method !== 'HEAD');

    test('every /api/admin route answers 401 with a JSON error without a token or with a bad one', async () => {
      assert.ok(apiRoutes().length >= 1);
      for (const route of apiRoutes()) {
        const url = route.url.replace(/:(\w+)/g, '1');
        for (const authorization of [undefined, 'Bearer kmk_wrong', 'Basic YWRtaW46YWRtaW4=', 'Bearer ']) {
          const response = await kramek.app.inject({ method: route.method as 'GET', url, headers: authorization ? { authorization } : {} });
          assert.equal(response.statusCode, 401, `${route.method} ${url} with ${authorization}`);
          assert.equal(response.json().error.code, 'unauthorized');
          assert.equal(response.headers['www-authenticate']?.toString().startsWith('Bearer'), true);
        }
      }
    });

    test('a created token works, is stored only as a hash, and its use is recorded', async () => {
      const { token } = await kramek.core.services.createApiToken({ name: 'Účetnictví' });
      assert.match(token, /^kmk_[\w-]{43}$/);
      const response = await kramek.app.inject({ method: 'GET', url: '/api/admin/me', headers: { authorization: `Bearer ${token}` } });
      assert.equal(response.statusCode, 200);
      assert.deepEqual(response.json(), { name: 'Účetnictví', role: 'owner', via: 'token' });
      const rows = await kramek.core.db.selectFrom('api_tokens').selectAll().execute();
      assert.ok(rows.every((r) => r.token_hash !== token && !r.token_hash.includes(token.slice(4))));
      assert.ok(rows.find((r) => r.name === 'Účetnictví')?.last_used_at);
    });

    test('the error message follows Accept-Language', async () => {
      const cs = await kramek.app.inject({ method: 'GET', url: '/api/admin/me' });
      assert.match(cs.json().error.message, /Chybí platné přihlášení/);
      const en = await kramek.app.inject({ method: 'GET', url: '/api/admin/me', headers: { 'accept-language': 'en' } });
      assert.match(en.json().error.message, /valid sign-in or API token/);
    });

    test('an admin session cookie alone does not open the API', async () => {
      const response = await kramek.app.inject({ method: 'GET', url: '/api/admin/me', headers: { cookie: 'kramek_sid=whatever' } });
      assert.equal(response.statusCode, 401);
    });
  });
}
