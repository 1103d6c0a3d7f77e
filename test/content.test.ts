import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from './support/databases.js';
import { OWNER, startKramek, type TestKramek } from './support/kramek.js';
import { Agent, csrfTokenOf } from './support/agent.js';

for (const dialect of DIALECTS) {
  describe(`content pages on ${dialect.name}`, () => {
    let kramek: TestKramek;
    let staff: Agent;
    let token: string;
    const api = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
      kramek.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, payload });

    before(async () => {
      kramek = await startKramek(dialect);
      await kramek.core.services.createAdminUser({ email: 'redaktor@example.cz', password: 'heslo-redaktora', role: 'staff' });
      staff = new Agent(kramek.app);
      await staff.signIn('redaktor@example.cz', 'heslo-redaktora');
      token = (await kramek.core.services.createApiToken({ name: 'web', role: 'staff' })).token;
    });
    after(() => kramek.close());

    test('staff create a page in the admin; the slug comes from the Czech title; the public sees it once published', async () => {
      const form = await staff.get('/admin/obsah/nova');
      assert.equal(form.statusCode, 200);
      const created = await staff.post('/admin/obsah/nova', { _csrf: csrfTokenOf(form.body), title: 'Jak nakupovat – průvodce', body: '## Krok 1\nVyberte **zboží**.', position: '5' });
      assert.equal(created.statusCode, 303);
      const page = (await kramek.core.services.listPages({ limit: 10 })).items.find((p) => p.title.startsWith('Jak nakupovat'))!;
      assert.equal(page.slug, 'jak-nakupovat-pruvodce');
      assert.equal(page.published, false, 'an unticked box leaves it a draft');
      assert.equal((await kramek.app.inject({ method: 'GET', url: '/jak-nakupovat-pruvodce' })).statusCode, 404, 'an unpublished page is not public');

      const edit = await staff.get(`/admin/obsah/${page.id}`);
      const saved = await staff.post(`/admin/obsah/${page.id}`, { _csrf: csrfTokenOf(edit.body), title: page.title, slug: page.slug, body: page.body, published: '1', inFooter: '1', position: '5' });
      assert.equal(saved.statusCode, 303);
      const pub = await kramek.app.inject({ method: 'GET', url: '/jak-nakupovat-pruvodce' });
      assert.equal(pub.statusCode, 200);
      assert.match(pub.body, /<h2>Krok 1<\/h2>/);
      assert.match(pub.body, /<strong>zboží<\/strong>/);
      assert.match(pub.body, /<title>Jak nakupovat – průvodce/);
    });

    test('unsafe HTML in a page is sanitized before anyone sees it', async () => {
      const body = 'Ahoj <script>alert(1)</script><img src=x onerror=alert(2)> [klik](javascript:alert(3)) <a href="https://example.cz" onclick="x()">web</a> <iframe src="https://evil"></iframe>';
      const r = await api('POST', '/api/admin/pages', { title: 'Test XSS', body, published: true });
      assert.equal(r.statusCode, 201);
      const page = await kramek.app.inject({ method: 'GET', url: `/${r.json().slug}` });
      assert.equal(page.statusCode, 200);
      const article = page.body.slice(page.body.indexOf('<article'), page.body.indexOf('</article>'));
      assert.doesNotMatch(article, /<script|onerror|onclick|javascript:|<iframe|<img/i);
      assert.match(article, /<a href="https:\/\/example.cz"/);
      assert.equal(r.json().body, body, 'the owner’s text is kept as written; only the rendering is cleaned');
    });

    test('bad input: reserved, invalid and duplicate slugs, empty title — with Czech messages and nothing saved', async () => {
      const count = async () => (await kramek.core.services.listPages({ limit: 200 })).items.length;
      const before = await count();
      const reserved = await api('POST', '/api/admin/pages', { title: 'Admin', slug: 'admin' });
      assert.equal(reserved.statusCode, 422);
      assert.match(reserved.json().error.fields.slug, /používá obchod sám/);
      assert.equal((await api('POST', '/api/admin/pages', { title: 'X', slug: 'Velká Písmena' })).statusCode, 422);
      const dup = await api('POST', '/api/admin/pages', { title: 'Jiná', slug: 'jak-nakupovat-pruvodce' });
      assert.equal(dup.statusCode, 409);
      assert.ok(dup.json().error.fields.slug);
      const empty = await api('POST', '/api/admin/pages', { title: '  ', published: 'ano' });
      assert.equal(empty.statusCode, 422);
      assert.ok(empty.json().error.fields.title);
      assert.ok(empty.json().error.fields.published);
      assert.equal((await api('POST', '/api/admin/pages', { title: 'x', extra: 1 })).statusCode, 422);
      assert.equal(await count(), before);

      const form = await staff.get('/admin/obsah/nova');
      const refused = await staff.post('/admin/obsah/nova', { _csrf: csrfTokenOf(form.body), title: 'Košík', slug: 'kosik', body: 'text zůstane' });
      assert.equal(refused.statusCode, 422);
      assert.match(refused.body, /Tuto adresu používá obchod sám/);
      assert.match(refused.body, /text zůstane/);
    });

    test('the API lists with keyset paging, reads, patches partially and deletes', async () => {
      for (let i = 0; i < 3; i++) assert.equal((await api('POST', '/api/admin/pages', { title: `Stránka ${i}`, published: true })).statusCode, 201);
      const first = await api('GET', '/api/admin/pages?limit=2');
      assert.equal(first.statusCode, 200);
      assert.equal(first.json().items.length, 2);
      assert.ok(first.json().nextCursor);
      const second = await api('GET', `/api/admin/pages?limit=2&cursor=${first.json().nextCursor}`);
      assert.ok(second.json().items.every((p: { id: number }) => p.id > first.json().items[1].id));
      assert.equal((await api('GET', '/api/admin/pages?q=Stránka 1')).json().items.length, 1);
      assert.equal((await api('GET', '/api/admin/pages?limit=0')).statusCode, 422);

      const id = (await api('GET', '/api/admin/pages?q=Stránka 2')).json().items[0].id;
      const patched = await api('PATCH', `/api/admin/pages/${id}`, { published: false });
      assert.equal(patched.statusCode, 200);
      assert.equal(patched.json().published, false);
      assert.equal(patched.json().title, 'Stránka 2', 'untouched fields stay');
      assert.equal((await api('DELETE', `/api/admin/pages/${id}`)).statusCode, 204);
      assert.equal((await api('GET', `/api/admin/pages/${id}`)).statusCode, 404);
      assert.equal((await api('PATCH', '/api/admin/pages/999999', { title: 'x' })).statusCode, 404);
    });

    test('the legal templates are seeded once, published and marked for review until the owner confirms', async () => {
      assert.equal(await kramek.core.services.seedTemplatePages(), 6);
      assert.equal(await kramek.core.services.seedTemplatePages(), 0, 'idempotent');
      const terms = await kramek.app.inject({ method: 'GET', url: '/obchodni-podminky' });
      assert.equal(terms.statusCode, 200);
      assert.match(terms.body, /Odstoupení od smlouvy/);
      const owner = new Agent(kramek.app);
      await owner.signIn(OWNER.email, OWNER.password);
      const list = await owner.get('/admin/obsah');
      assert.match(list.body, /šablona – zkontrolujte/);
      const page = (await kramek.core.services.listPages({ q: 'reklamační', limit: 5 })).items[0]!;
      const edit = await owner.get(`/admin/obsah/${page.id}`);
      assert.match(edit.body, /nejde o právní radu/);
      await owner.post(`/admin/obsah/${page.id}`, { _csrf: csrfTokenOf(edit.body), title: page.title, slug: page.slug, body: page.body, published: '1', inFooter: '1', position: '20', reviewed: '1' });
      assert.equal((await kramek.core.services.getPage(page.id)).isTemplate, false);
      assert.ok((await kramek.core.services.footerPages()).some((p) => p.slug === 'obchodni-podminky'));
      assert.ok((await kramek.core.services.onboarding()).find((s) => s.step === 'content')!.done);
    });
  });
}
