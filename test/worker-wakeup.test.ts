import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { kyselyTransactor, onEmailsQueued } from '../src/adapters/db/outbox-repo.js';
import { outboxJob } from '../src/jobs/outbox-job.js';
import { startWorker } from '../src/jobs/worker.js';
import { DIALECTS } from './support/databases.js';
import { orderEmail, startOutboxKramek, type OutboxKramek } from './support/outbox.js';

const quiet = { info() {}, error() {} };
const HOUR = 3600_000;

for (const dialect of DIALECTS) {
  describe(`the outbox worker wakes on queued emails and rests when idle on ${dialect.name}`, () => {
    let kramek: OutboxKramek;
    let rounds = 0;
    const services = () => ({
      deliverQueuedEmails: (input: Parameters<OutboxKramek['core']['services']['deliverQueuedEmails']>[0]) => {
        rounds++;
        return kramek.core.services.deliverQueuedEmails(input);
      },
    });
    const statuses = async () => (await kramek.core.db.selectFrom('outbox_emails').select('status').execute()).map((r) => r.status);
    async function until(condition: () => Promise<boolean>, ms: number): Promise<boolean> {
      for (const end = Date.now() + ms; Date.now() < end; await sleep(20)) if (await condition()) return true;
      return condition();
    }

    before(async () => (kramek = await startOutboxKramek(dialect)));
    after(() => kramek.close());

    test('an email committed in a transaction is sent at once, though the next period is an hour away', async () => {
      const worker = startWorker([outboxJob(services(), { everyMs: HOUR, wakeOn: (wake) => onEmailsQueued(kramek.core.db, wake) })], quiet);
      try {
        await sleep(100); // the first look finds nothing
        // No attachment: what is measured is the wake-up, not a first PDF rendering on a busy machine.
        await kyselyTransactor(kramek.core.db).run((tx) => kramek.core.services.queueEmail(tx, orderEmail('2026000101', { attachments: [] })));
        assert.ok(await until(async () => (await statuses()).includes('sent'), 5000), `sent at once: ${await statuses()}`);
      } finally {
        await worker.stop();
      }
    });

    test('an idle worker asks the database once a period, not in a tight poll', async () => {
      rounds = 0;
      const worker = startWorker([outboxJob(services(), { everyMs: 500, lanes: 3 })], quiet);
      await sleep(1300);
      await worker.stop();
      // The first look and two periods, one round each: three lanes polling every half second made 9 or more.
      assert.ok(rounds >= 2 && rounds <= 3, `${rounds} rounds in 1.3 s`);
    });

    test('a backlog longer than one run goes on without waiting for the period', async () => {
      await kramek.core.db.deleteFrom('outbox_emails').execute();
      for (let i = 0; i < 12; i++) await kramek.core.services.queueEmail(null, orderEmail(`20260002${String(i).padStart(2, '0')}`));
      const worker = startWorker([outboxJob(services(), { everyMs: HOUR, batchSize: 2, lanes: 1, maxBusyMs: 1 })], quiet);
      try {
        assert.ok(await until(async () => (await statuses()).every((s) => s === 'sent'), 5000), `all sent: ${await statuses()}`);
      } finally {
        await worker.stop();
      }
    });
  });
}
