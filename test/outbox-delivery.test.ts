import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { formatMailbox, MAX_ATTEMPTS } from '../src/domain/mail/outbox-policy.js';
import { DIALECTS } from './support/databases.js';
import { freePort, TestSmtp } from './support/smtp.js';
import { orderEmail, startOutboxKramek, type OutboxKramek } from './support/outbox.js';
import { pdfPages } from './support/pdf.js';

const HOUR = 3600_000;

async function drain(kramek: OutboxKramek, worker = 'test-worker') {
  const total = { sent: 0, retried: 0, failed: 0 };
  for (;;) {
    const round = await kramek.core.services.deliverQueuedEmails({ worker, batchSize: 20 });
    total.sent += round.sent;
    total.retried += round.retried;
    total.failed += round.failed;
    if (round.claimed === 0) return total;
  }
}

for (const dialect of DIALECTS) {
  describe(`email delivery over SMTP on ${dialect.name}`, () => {
    let smtp: TestSmtp;
    let kramek: OutboxKramek;
    before(async () => {
      smtp = await new TestSmtp().start(await freePort());
      kramek = await startOutboxKramek(dialect, { SMTP_URL: smtp.url });
    });
    after(async () => {
      await kramek.close();
      await smtp.stop();
    });
    const reset = async () => {
      smtp.received.length = 0;
      smtp.onData = null;
      await kramek.core.db.deleteFrom('outbox_emails').execute();
    };

    test('the order-accepted email goes out with its stable Message-ID, text and HTML parts and the order PDF attached', async () => {
      await reset();
      const queued = await kramek.core.services.queueEmail(null, orderEmail('2026000042'));
      assert.match(queued.messageId, /^<[0-9a-f-]{36}@obchod\.example\.cz>$/);
      assert.deepEqual(await drain(kramek), { sent: 1, retried: 0, failed: 0 });
      assert.equal(smtp.received.length, 1);
      const { parsed, envelopeTo } = smtp.received[0]!;
      assert.equal(parsed.messageId, queued.messageId);
      assert.equal(parsed.subject, 'Objednávka 2026000042 byla přijata');
      assert.deepEqual(envelopeTo, ['jana@example.cz']);
      assert.equal(parsed.from?.value[0]?.name, 'Čajovna U Dvou Koček');
      assert.match(parsed.text ?? '', /děkujeme za objednávku 2026000042/);
      assert.match(String(parsed.html), /<strong>2026000042<\/strong>/);
      assert.equal(parsed.attachments.length, 1);
      const pdf = parsed.attachments[0]!;
      assert.equal(pdf.filename, 'objednavka-2026000042.pdf');
      assert.equal(pdf.contentType, 'application/pdf');
      assert.ok(pdfPages(pdf.content)[0]!.includes('Objednávka 2026000042'), 'the attachment is this order’s document');
      const row = (await kramek.core.services.findOutboxEmail(queued.id))!;
      assert.deepEqual([row.status, row.attempts, row.sentAt], ['sent', 1, kramek.clock.now().toISOString()]);
    });

    test('CR/LF in a subject or a name never reaches a header: no injected Bcc, one recipient', async () => {
      await reset();
      await kramek.core.services.queueEmail(null, {
        ...orderEmail('2026000043'),
        to: formatMailbox('Eve\r\nBcc: victim@example.org', 'jana@example.cz'),
        subject: 'Objednávka 2026000043\r\nBcc: victim@example.org\r\n\r\nInjected body',
        attachments: [],
      });
      await drain(kramek);
      const { parsed, envelopeTo, raw } = smtp.received[0]!;
      assert.deepEqual(envelopeTo, ['jana@example.cz']);
      assert.equal(parsed.bcc, undefined);
      assert.equal(parsed.subject, 'Objednávka 2026000043 Bcc: victim@example.org Injected body');
      const headers = raw.toString('utf8').split('\r\n\r\n')[0]!;
      assert.doesNotMatch(headers, /^bcc:/im);
      assert.ok(!parsed.text?.includes('Injected body'), 'nothing leaked into the body');
    });

    test('SMTP down with 100 queued: all are delivered once it returns, none twice under the same Message-ID', async () => {
      await reset();
      const port = smtp.port;
      await smtp.stop();
      const queued = [];
      for (let i = 0; i < 100; i++) queued.push(await kramek.core.services.queueEmail(null, orderEmail(String(2026100000 + i), { attachments: [] })));
      const down = await drain(kramek);
      assert.deepEqual(down, { sent: 0, retried: 100, failed: 0 });
      const waiting = await kramek.core.services.listOutboxEmails({ limit: 200 });
      assert.ok(waiting.every((e) => e.status === 'queued' && e.attempts === 1 && /ECONNREFUSED|connect/i.test(e.lastError ?? '')), 'each waits for its retry with the reason');
      assert.deepEqual(await drain(kramek), { sent: 0, retried: 0, failed: 0 }, 'nothing is retried before its time');

      await smtp.start(port);
      kramek.clock.advance(HOUR);
      assert.equal((await drain(kramek)).sent, 100);
      assert.deepEqual(await drain(kramek), { sent: 0, retried: 0, failed: 0 });
      const ids = smtp.messageIds();
      assert.equal(ids.length, 100);
      assert.equal(new Set(ids).size, 100, 'no Message-ID twice');
      assert.deepEqual(new Set(ids), new Set(queued.map((e) => e.messageId)));
    });

    test('a permanent refusal (5xx) fails at once; a temporary one is retried, and fails for good after N tries', async () => {
      await reset();
      smtp.onData = () => {
        throw Object.assign(new Error('mailbox unavailable'), { responseCode: 550 });
      };
      const refused = await kramek.core.services.queueEmail(null, orderEmail('2026000044', { attachments: [] }));
      assert.deepEqual(await drain(kramek), { sent: 0, retried: 0, failed: 1 });
      let row = (await kramek.core.services.findOutboxEmail(refused.id))!;
      assert.deepEqual([row.status, row.attempts], ['failed', 1]);
      assert.match(row.lastError ?? '', /550/);

      smtp.onData = () => {
        throw Object.assign(new Error('try later'), { responseCode: 451 });
      };
      const flaky = await kramek.core.services.queueEmail(null, orderEmail('2026000045', { attachments: [] }));
      for (let i = 1; i < MAX_ATTEMPTS; i++) {
        assert.deepEqual(await drain(kramek), { sent: 0, retried: 1, failed: 0 }, `try ${i}`);
        kramek.clock.advance(3 * HOUR);
      }
      assert.deepEqual(await drain(kramek), { sent: 0, retried: 0, failed: 1 }, `try ${MAX_ATTEMPTS}`);
      row = (await kramek.core.services.findOutboxEmail(flaky.id))!;
      assert.deepEqual([row.status, row.attempts], ['failed', MAX_ATTEMPTS]);

      smtp.onData = null;
      await kramek.core.services.resendEmail(flaky.id);
      assert.deepEqual(await drain(kramek), { sent: 1, retried: 0, failed: 0 }, 'sent again on request');
      assert.equal(smtp.received.at(-1)!.parsed.messageId, flaky.messageId, 'under the same Message-ID');
    });

    test('an email whose sends never end (the worker dies each time) is given up after N tries, not retried forever', async () => {
      await reset();
      const queued = await kramek.core.services.queueEmail(null, orderEmail('2026000046', { attachments: [] }));
      const past = new Date(kramek.clock.now().getTime() - 1000).toISOString();
      await kramek.core.db.updateTable('outbox_emails').set({ status: 'sending', attempts: MAX_ATTEMPTS, claimed_by: 'dead', claimed_until: past }).where('id', '=', queued.id).execute();
      assert.deepEqual(await drain(kramek), { sent: 0, retried: 0, failed: 1 });
      const row = (await kramek.core.services.findOutboxEmail(queued.id))!;
      assert.equal(row.status, 'failed');
      assert.match(row.lastError ?? '', /no outcome after \d+ tries/);
      assert.equal(smtp.received.length, 0);
    });

    test('an attachment that cannot be made (no such order) fails the email at once with a clear reason', async () => {
      await reset();
      const queued = await kramek.core.services.queueEmail(null, orderEmail('4040000001'));
      assert.deepEqual(await drain(kramek), { sent: 0, retried: 0, failed: 1 });
      const row = (await kramek.core.services.findOutboxEmail(queued.id))!;
      assert.match(row.lastError ?? '', /order 4040000001 does not exist/);
      assert.equal(smtp.received.length, 0);
    });
  });

  describe(`email delivery to .eml files on ${dialect.name}`, () => {
    let kramek: OutboxKramek;
    before(async () => {
      kramek = await startOutboxKramek(dialect);
    });
    after(() => kramek.close());

    test('without SMTP_URL each email is saved as DATA_DIR/mail/<time>-<id>.eml, whole, and readable again', async () => {
      assert.equal(kramek.core.services.mailTransport(), 'files');
      const queued = await kramek.core.services.queueEmail(null, orderEmail('2026000050'));
      assert.deepEqual(await drain(kramek), { sent: 1, retried: 0, failed: 0 });
      const dir = path.join(kramek.database.dataDir, 'mail');
      const files = fs.readdirSync(dir);
      assert.equal(files.length, 1, 'no temporary file left behind');
      assert.match(files[0]!, /^\d{8}T\d{9}Z-[0-9a-f-]{36}\.eml$/);
      const content = fs.readFileSync(path.join(dir, files[0]!), 'utf8');
      assert.ok(content.includes(`Message-ID: ${queued.messageId}`));
      assert.match(content, /Content-Type: application\/pdf; name=objednavka-2026000050\.pdf/);
      assert.equal(await kramek.core.services.readSavedEmail(queued.id), content);
    });
  });
}
