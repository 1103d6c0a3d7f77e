import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from './support/databases.js';
import { startKramek, type TestKramek } from './support/kramek.js';
import { Agent, csrfTokenOf } from './support/agent.js';

const STAFF = { email: 'obsluha@example.cz', password: 'heslo-obsluhy-42' };

for (const dialect of DIALECTS) {
  describe(`admin "Odeslané e-maily" on ${dialect.name}`, () => {
    let kramek: TestKramek;
    let agent: Agent;
    let sentId: number;
    let failedId: number;
    before(async () => {
      kramek = await startKramek(dialect);
      const services = kramek.core.services;
      await services.createAdminUser({ ...STAFF, role: 'staff' });
      agent = new Agent(kramek.app, '10.9.0.1');
      assert.equal((await agent.signIn(STAFF.email, STAFF.password)).statusCode, 303);
      const base = { to: 'jana@example.cz', from: 'obchod@example.cz', text: 'Dobrý den', html: '<p>Dobrý den <marquee>pozor</marquee></p>' };
      sentId = (await services.queueEmail(null, { ...base, kind: 'order_status', subject: 'Objednávka 2026000001 <script>alert(1)</script> je odeslaná' })).id;
      failedId = (await services.queueEmail(null, { ...base, kind: 'order_accepted', subject: 'Objednávka 2026000002 přijata', attachments: [{ kind: 'order_pdf', orderNumber: '2026000002', filename: 'objednavka-2026000002.pdf' }] })).id;
      // Without SMTP_URL the email is saved as .eml; the second one's attachment names an order that does not exist, so it fails.
      const round = await services.deliverQueuedEmails({ worker: 'test' });
      assert.deepEqual([round.sent, round.failed], [1, 1]);
    });
    after(() => kramek.close());

    test('staff see every email newest first, with status, recipient, kind, tries, the last error and escaped texts', async () => {
      const page = await agent.get('/admin/emaily');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<h1>Odeslané e-maily<\/h1>/);
      assert.match(page.body, /ukládají jako soubory \.eml/);
      assert.ok(page.body.indexOf('2026000002') < page.body.indexOf('2026000001'), 'newest first');
      assert.match(page.body, /class="badge badge-mail-sent">Odeslán</);
      assert.match(page.body, /class="badge badge-mail-failed">Nedoručen</);
      assert.match(page.body, /<p class="mail-error">Poslední chyba: order (2026000002 does not exist|documents are not available yet)/);
      assert.match(page.body, /Přijetí objednávky/);
      assert.ok(page.body.includes('&lt;script>alert(1)&lt;/script>'), 'Preact escapes the text');
      assert.ok(!page.body.includes('<script>alert(1)'));
      assert.ok(page.body.includes(`href="/admin/emaily/${sentId}/eml"`));
      assert.ok(page.body.includes(`href="/admin/emaily/${failedId}/znovu"`));
    });

    test('the saved .eml is shown as escaped text', async () => {
      const page = await agent.get(`/admin/emaily/${sentId}/eml`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<pre class="eml-source">/);
      assert.match(page.body, /Message-ID: &lt;[0-9a-f-]{36}@127\.0\.0\.1>/);
      assert.ok(page.body.includes('&lt;marquee>pozor&lt;/marquee>'));
      assert.ok(!page.body.includes('<marquee>'));
      assert.equal((await agent.get('/admin/emaily/999999/eml')).statusCode, 404);
    });

    test('"send again" asks first, needs the CSRF token, then queues the same email again', async () => {
      const confirm = await agent.get(`/admin/emaily/${failedId}/znovu`);
      assert.equal(confirm.statusCode, 200);
      assert.match(confirm.body, /bude znovu odeslán na adresu jana@example\.cz/);
      assert.equal((await agent.post(`/admin/emaily/${failedId}/znovu`, {})).statusCode, 403);
      assert.equal((await kramek.core.services.findOutboxEmail(failedId))!.status, 'failed');
      const done = await agent.post(`/admin/emaily/${failedId}/znovu`, { _csrf: csrfTokenOf(confirm.body) });
      assert.equal(done.statusCode, 303);
      assert.equal(done.headers.location, `/admin/emaily#email-${failedId}`);
      const row = (await kramek.core.services.findOutboxEmail(failedId))!;
      assert.deepEqual([row.status, row.attempts], ['queued', 0]);
      const list = await agent.get('/admin/emaily');
      assert.match(list.body, /je ve frontě k odeslání/);
      assert.match(list.body, /class="badge badge-mail-queued">Ve frontě</);
      assert.equal((await agent.get('/admin/emaily/999999/znovu')).statusCode, 404);
    });

    test('signed-out visitors are sent to sign-in; the page speaks English when asked', async () => {
      const anonymous = await kramek.app.inject({ method: 'GET', url: '/admin/emaily' });
      assert.equal(anonymous.statusCode, 303);
      await agent.get('/jazyk/en?next=/admin');
      const page = await agent.get('/admin/emaily');
      assert.match(page.body, /<h1>Sent emails<\/h1>/);
      assert.match(page.body, /Order accepted/);
      await agent.get('/jazyk/cs?next=/admin');
    });
  });
}
