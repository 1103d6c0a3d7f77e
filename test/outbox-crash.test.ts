import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { DIALECTS, postgresUrlWithSchema } from './support/databases.js';
import { freePort, TestSmtp } from './support/smtp.js';
import { orderEmail, startOutboxKramek, type OutboxKramek } from './support/outbox.js';

function startWorkerProcess(kramek: OutboxKramek, smtpUrl: string): ChildProcess {
  const target = kramek.database.target;
  return spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'worker'], {
    env: {
      PATH: process.env.PATH ?? '',
      DATA_DIR: kramek.database.dataDir,
      ...(target.kind === 'postgres' ? { DATABASE_URL: postgresUrlWithSchema(target) } : {}),
      SMTP_URL: smtpUrl,
      PUBLIC_URL: 'https://obchod.example.cz',
      LOG_LEVEL: 'silent',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

for (const dialect of DIALECTS) {
  describe(`a worker killed mid-send on ${dialect.name}`, () => {
    let smtp: TestSmtp;
    let kramek: OutboxKramek;
    const children: ChildProcess[] = [];
    before(async () => {
      smtp = await new TestSmtp().start(await freePort());
      kramek = await startOutboxKramek(dialect, { SMTP_URL: smtp.url });
    });
    after(async () => {
      for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await Promise.all(children.map(exited));
      await kramek.close();
      await smtp.stop();
    });

    test('the email is sent after the restart, once, under its Message-ID', { timeout: 90_000 }, async () => {
      const queued = await kramek.core.services.queueEmail(null, orderEmail('2026000077', { kind: 'customer_message', attachments: [] }));
      let midSend!: () => void;
      const reachedData = new Promise<void>((resolve) => (midSend = resolve));
      smtp.onData = async () => {
        midSend();
        await new Promise(() => {}); // the server never answers: the worker is stuck mid-send
      };

      const first = startWorkerProcess(kramek, smtp.url);
      children.push(first);
      await reachedData;
      first.kill('SIGKILL');
      await exited(first);
      assert.equal(first.signalCode, 'SIGKILL');
      let row = (await kramek.core.services.findOutboxEmail(queued.id))!;
      assert.deepEqual([row.status, row.attempts], ['sending', 1], 'the dead worker still holds its claim');
      assert.equal(smtp.received.length, 0);

      // The claim is a lease of five minutes; let them pass instead of waiting.
      await kramek.core.db.updateTable('outbox_emails').set({ claimed_until: new Date(Date.now() - 1000).toISOString() }).where('id', '=', queued.id).execute();
      smtp.onData = null;
      const second = startWorkerProcess(kramek, smtp.url);
      children.push(second);
      await smtp.waitFor(1, 60_000);
      for (let i = 0; i < 100 && row.status !== 'sent'; i++) {
        await new Promise((r) => setTimeout(r, 100));
        row = (await kramek.core.services.findOutboxEmail(queued.id))!;
      }
      second.kill('SIGTERM');
      await exited(second);
      assert.deepEqual([row.status, row.attempts], ['sent', 2]);
      assert.deepEqual(smtp.messageIds(), [queued.messageId]);
    });
  });
}
