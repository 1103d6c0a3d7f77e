/**
 * The security check suite: it walks the app's own route table, so a route added later is covered without editing
 * this file — headers on every page, CSRF on every state-changing form route, a session or token on every admin
 * route, stored XSS through text fields into every page and email, SQL metacharacters in every filter.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from './support/databases.js';
import { startKramek, type TestKramek } from './support/kramek.js';
import { Agent, csrfTokenOf } from './support/agent.js';
import { outboxOf, placeOrder, setUpShop } from './support/orders.js';
import { signedInAgent } from './support/catalog.js';
import { pdfPages, plain } from './support/pdf.js';
import { fingerprint } from './support/fingerprint.js';

/** A payload that would run if any page or email put it out unescaped. */
const XSS = `<img src=x onerror="alert('kramek')">&"'`;
const RAW_XSS = /<img src=x onerror/i;
const SQL_VALUES = [`' OR 1=1 --`, `"; drop table orders; --`, `%_\\'`, `1) union select password_hash from admin_users --`];
const FILTER_PARAMS = ['q', 'status', 'payment', 'shipping', 'from', 'to', 'cursor', 'sort', 'category', 'page', 'limit', 'format', 'email', 'inStock', 'tab'];
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

type Route = { method: string; url: string };

for (const dialect of DIALECTS) {
  describe(`the security checks over every route on ${dialect.name}`, () => {
    let kramek: TestKramek;
    let owner: Agent;
    let orderNumber: string;
    let productSlug: string;
    let categorySlug: string;
    let pageSlug: string;

    const routes = (): Route[] => kramek.app.routeTable.filter((r) => r.method !== 'HEAD' && r.method !== 'OPTIONS');
    /** A concrete URL for a route: the seeded order's number, the XSS product's slug, id 1 for everything else. */
    const concrete = (url: string) =>
      url
        .replace(':number', orderNumber)
        .replace(/^\/produkt\/:slug/, `/produkt/${productSlug}`)
        .replace(/^\/kategorie\/:slug/, `/kategorie/${categorySlug}`)
        .replace(/^\/:slug$/, `/${pageSlug}`)
        .replace(/:\w+/g, '1')
        .replace('*', 'x');

    before(async () => {
      kramek = await startKramek(dialect);
      const s = kramek.core.services;
      await setUpShop(kramek);
      const category = await s.createCategory({ name: `Kategorie ${XSS}`, slug: '', description: `Popis ${XSS}`, parentId: null, visible: true });
      categorySlug = category.slug;
      const product = await s.createProduct({
        name: `Čaj ${XSS}`,
        slug: '',
        description: `**Popis** ${XSS} <script>alert(1)</script>`,
        vatRate: 21,
        active: true,
        categoryIds: [category.id],
        variants: [{ sku: 'XSS-1', name: `Balení ${XSS}`, price: 9900, stock: 50, compareAtPrice: null, weightGrams: null }],
      });
      productSlug = product.slug;
      const page = await s.savePage({ data: { title: `Stránka ${XSS}`, slug: 'bezpecnost', body: `Text ${XSS}\n\n<script>alert(1)</script>`, published: true, inMenu: true, inFooter: true } });
      pageSlug = page.slug;
      const order = await placeOrder(kramek, {
        items: [{ sku: 'XSS-1', quantity: 1 }],
        customer: { email: 'xss@example.cz', name: `Jana ${XSS}`, phone: '+420601123456', company: `Firma ${XSS}`, ico: null, dic: null },
        billingAddress: { street: `Ulice ${XSS}`, city: `Praha ${XSS}`, zip: '110 00', country: 'CZ' },
        note: `Poznámka ${XSS}`,
      });
      orderNumber = order.number;
      owner = await signedInAgent(kramek, '10.66.0.1');
      const detail = await owner.get(`/admin/objednavky/${orderNumber}`);
      assert.equal(detail.statusCode, 200);
      const note = await owner.post(`/admin/objednavky/${orderNumber}/poznamky`, { _csrf: csrfTokenOf(detail.body), text: `Interní ${XSS}` });
      assert.ok(note.statusCode < 400, `internal note: ${note.statusCode}`);
    });
    after(() => kramek.close());

    test('every page carries the security headers, for visitors and for the signed-in admin', async () => {
      const gets = routes().filter((r) => r.method === 'GET' && !r.url.startsWith('/api'));
      assert.ok(gets.length > 20, `only ${gets.length} GET routes`);
      for (const agent of [new Agent(kramek.app, '10.66.0.2'), owner]) {
        for (const route of gets) {
          const url = concrete(route.url);
          const response = await agent.get(url);
          assert.ok(response.statusCode < 500, `GET ${url}: ${response.statusCode}`);
          assert.equal(response.headers['x-content-type-options'], 'nosniff', url);
          if (!String(response.headers['content-type'] ?? '').startsWith('text/html')) continue;
          const csp = String(response.headers['content-security-policy']);
          assert.match(csp, /default-src 'self'/, url);
          assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, url);
          assert.match(csp, /frame-ancestors 'none'/, url);
          assert.equal(response.headers['x-frame-options'], 'DENY', url);
          // Pages with a token in the address (password reset) send no referrer at all; that is stricter still.
          assert.ok(['strict-origin-when-cross-origin', 'no-referrer'].includes(String(response.headers['referrer-policy'])), url);
        }
      }
    });

    test('every state-changing form route refuses a post without the CSRF token, even with a signed-in session', async () => {
      const unsafe = routes().filter((r) => UNSAFE.has(r.method) && !r.url.startsWith('/api'));
      assert.ok(unsafe.length > 10, `only ${unsafe.length} form routes`);
      const before = await fingerprint(kramek);
      for (const route of unsafe) {
        const url = concrete(route.url);
        const response = await owner.request({
          method: route.method as 'POST',
          url,
          headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
          payload: 'name=x&status=cancelled&text=x&quantity=1&sku=XSS-1',
        });
        assert.equal(response.statusCode, 403, `${route.method} ${url} without a token: ${response.statusCode}`);
      }
      assert.deepEqual(await fingerprint(kramek), before);
      assert.equal((await owner.get('/admin/objednavky')).statusCode, 200, 'the admin is still signed in');
    });

    test('every admin route needs a session; every admin API route needs a token', async () => {
      const visitor = new Agent(kramek.app, '10.66.0.3');
      const before = await fingerprint(kramek);
      for (const route of routes()) {
        const url = concrete(route.url);
        if (route.url.startsWith('/api/admin')) {
          const response = await kramek.app.inject({ method: route.method as 'GET', url });
          assert.equal(response.statusCode, 401, `${route.method} ${url}`);
        } else if (route.url.startsWith('/admin') && !/prihlaseni|odhlaseni|zapomenute|obnova/.test(route.url)) {
          const response = await visitor.request({ method: route.method as 'GET', url });
          if (route.method === 'GET') {
            assert.equal(response.statusCode, 303, `GET ${url}`);
            assert.match(String(response.headers.location), /^\/admin\/prihlaseni/);
          } else {
            assert.ok([303, 401, 403].includes(response.statusCode), `${route.method} ${url}: ${response.statusCode}`);
          }
        }
      }
      assert.deepEqual(await fingerprint(kramek), before);
    });

    test('stored XSS in every text field comes out as text in every page, email and the PDF', async () => {
      const pages = routes().filter((r) => r.method === 'GET' && !r.url.startsWith('/api'));
      const extra = [`/hledat?q=${encodeURIComponent(XSS)}`, `/admin/objednavky?q=${encodeURIComponent(XSS)}`, `/admin/zbozi?q=${encodeURIComponent(XSS)}`];
      let htmlPages = 0;
      let payloadsSeen = 0;
      for (const agent of [new Agent(kramek.app, '10.66.0.4'), owner]) {
        for (const url of [...pages.map((r) => concrete(r.url)), ...extra]) {
          const response = await agent.get(url);
          if (!String(response.headers['content-type'] ?? '').includes('html')) continue;
          htmlPages++;
          assert.doesNotMatch(response.body, RAW_XSS, `raw payload in ${url}`);
          assert.doesNotMatch(response.body, /<script>alert/i, `raw script in ${url}`);
          if (response.body.includes('onerror=&quot;alert(')) payloadsSeen++;
        }
      }
      assert.ok(htmlPages > 20, `only ${htmlPages} HTML pages`);
      assert.ok(payloadsSeen >= 8, `the payload showed escaped on only ${payloadsSeen} pages: the walk did not reach the data`);

      const emails = await outboxOf(kramek, orderNumber);
      assert.ok(emails.length >= 1);
      for (const email of emails) {
        assert.doesNotMatch(email.html_body ?? '', RAW_XSS, `${email.kind} html`);
        assert.doesNotMatch(email.subject, /[\r\n]/);
      }
      const pdf = await owner.get(`/admin/objednavky/${orderNumber}/doklad.pdf`);
      assert.equal(pdf.statusCode, 200);
      assert.match(plain(pdfPages(pdf.rawPayload).join('\n')), /Jana <img src=x/);
    });

    test('SQL metacharacters in every filter are data: no error, nothing changed', async () => {
      const before = await fingerprint(kramek);
      const token = (await kramek.core.services.createApiToken({ name: 'sql', role: 'owner' })).token;
      let tried = 0;
      for (const route of routes().filter((r) => r.method === 'GET')) {
        for (const value of SQL_VALUES) {
          const query = new URLSearchParams(FILTER_PARAMS.map((p) => [p, value])).toString();
          const url = `${concrete(route.url)}?${query}`;
          const response = route.url.startsWith('/api/admin')
            ? await kramek.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } })
            : await owner.get(url);
          tried++;
          assert.ok(response.statusCode < 500, `GET ${url}: ${response.statusCode} ${response.body.slice(0, 200)}`);
        }
      }
      assert.ok(tried > 40);
      assert.deepEqual(await fingerprint(kramek), before);
      const list = await owner.get(`/admin/objednavky?q=${encodeURIComponent(`' OR 1=1 --`)}`);
      assert.doesNotMatch(list.body, new RegExp(`/admin/objednavky/${orderNumber}"`), 'an injected OR matched every order');
    });
  });
}
