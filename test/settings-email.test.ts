import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIALECTS } from './support/databases.js';
import { OWNER, startKramek, type TestKramek } from './support/kramek.js';
import { Agent, csrfTokenOf } from './support/agent.js';
import { TestSmtp } from './support/smtp.js';

describe('the test email from Configuration', () => {
  let smtp: TestSmtp;
  let kramek: TestKramek;
  let owner: Agent;
  before(async () => {
    smtp = await new TestSmtp().start();
    kramek = await startKramek(DIALECTS[0]!, { env: { SMTP_URL: smtp.url } });
    owner = new Agent(kramek.app);
    await owner.signIn(OWNER.email, OWNER.password);
    await assert.rejects(kramek.core.services.updateSettings({ patch: { shop: { name: 'Čajovna\r\nBcc: evil@example.com' } }, actor: 'test' }), /invalid settings/);
    await kramek.core.services.updateSettings({ patch: { shop: { name: 'Čajovna "Drak" <Praha>', email: 'obchod@example.cz' }, emails: { noReplyAddress: 'noreply@example.cz' } }, actor: 'test' });
  });
  after(async () => {
    await kramek.close();
    await smtp.stop();
  });

  test('reaches the SMTP server from the no-reply address, in Czech, with text and HTML parts', async () => {
    const page = await owner.get('/admin/konfigurace/emaily');
    assert.match(page.body, /SMTP server je nastaven: smtp:\/\/127\.0\.0\.1:\d+/);
    const response = await owner.post('/admin/konfigurace/emaily/test', { _csrf: csrfTokenOf(page.body), to: 'majitel@example.cz' });
    assert.equal(response.statusCode, 303);
    assert.match((await owner.get('/admin/konfigurace/emaily')).body, /Zkušební e-mail byl odeslán na majitel@example.cz/);
    assert.equal(smtp.received.length, 1);
    const mail = smtp.received[0]!.parsed;
    assert.equal(mail.to && !Array.isArray(mail.to) ? mail.to.text : '', 'majitel@example.cz');
    assert.equal(mail.from?.value[0]?.address, 'noreply@example.cz');
    assert.match(mail.subject ?? '', /^Zkušební e-mail z obchodu Čajovna "Drak"/);
    assert.equal(mail.from?.value[0]?.name, 'Čajovna Drak <Praha>', 'quotes in the shop name cannot break the From header');
    assert.match(mail.text ?? '', /odesílání e-mailů z obchodu Čajovna/);
    assert.match(String(mail.html), /<p>/);
    assert.match(mail.messageId ?? '', /^<test-[\w-]+@127\.0\.0\.1>$/);
  });

  test('a server that refuses reports the failure to the owner instead of pretending', async () => {
    await smtp.stop();
    const page = await owner.get('/admin/konfigurace/emaily');
    await owner.post('/admin/konfigurace/emaily/test', { _csrf: csrfTokenOf(page.body), to: 'majitel@example.cz' });
    assert.match((await owner.get('/admin/konfigurace/emaily')).body, /Zkušební e-mail se nepodařilo odeslat/);
    await smtp.start();
  });
});

describe('the test email without SMTP_URL', () => {
  test('is saved as an .eml file in DATA_DIR/mail and the page says so', async () => {
    const kramek = await startKramek(DIALECTS[0]!);
    try {
      const owner = new Agent(kramek.app);
      await owner.signIn(OWNER.email, OWNER.password);
      const page = await owner.get('/admin/konfigurace/emaily');
      assert.match(page.body, /e-maily se ukládají jako soubory \.eml/);
      await owner.post('/admin/konfigurace/emaily/test', { _csrf: csrfTokenOf(page.body), to: 'majitel@example.cz' });
      assert.match((await owner.get('/admin/konfigurace/emaily')).body, /uložen jako soubor \.eml/);
      const dir = path.join(kramek.config.dataDir, 'mail');
      const files = fs.readdirSync(dir).filter((f) => f.endsWith('.eml'));
      assert.equal(files.length, 1);
      assert.match(fs.readFileSync(path.join(dir, files[0]!), 'utf8'), /To: majitel@example.cz/);
    } finally {
      await kramek.close();
    }
  });
});
