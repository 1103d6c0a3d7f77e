import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openDatabase, type Db } from '../src/adapters/db/kysely.js';
import { migrateToLatest } from '../src/adapters/db/migrate.js';
import { kyselyTransactor, outboxRepo } from '../src/adapters/db/outbox-repo.js';
import { MAX_ATTEMPTS } from '../src/domain/mail/outbox-policy.js';
import type { NewOutboxEmail, OutboxRepo } from '../src/services/ports.js';
import { DIALECTS, type TestDatabase } from './support/databases.js';

const T0 = new Date('2026-11-26T13:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

let serial = 0;
const email = (overrides: Partial<NewOutboxEmail> = {}): NewOutboxEmail => ({
  kind: 'order_accepted',
  orderId: 7,
  to: '"Jana Nováková" <jana@example.cz>',
  from: 'obchod@example.cz',
  subject: 'Objednávka 2026000001 přijata',
  text: 'Děkujeme.',
  html: '<p>Děkujeme.</p>',
  attachments: [{ kind: 'order_pdf', orderNumber: '2026000001', filename: 'objednavka-2026000001.pdf' }],
  messageId: `<m${++serial}-${Math.random().toString(36).slice(2)}@shop.example.cz>`,
  createdAt: T0,
  ...overrides,
});

for (const dialect of DIALECTS) {
  describe(`outbox on ${dialect.name}`, () => {
    let database: TestDatabase;
    let db: Db;
    let outbox: OutboxRepo;
    before(async () => {
      database = await dialect.create();
      db = openDatabase(database.target);
      await migrateToLatest(db);
      outbox = outboxRepo(db);
    });
    after(async () => {
      await db.destroy();
      await database.drop();
    });
    const clear = () => db.deleteFrom('outbox_emails').execute();

    test('an email queued in a transaction that rolls back is gone with it; one that commits is there', async () => {
      await clear();
      const transactor = kyselyTransactor(db);
      await assert.rejects(
        transactor.run(async (tx) => {
          await outbox.enqueue(tx, email({ subject: 'rolled back' }));
          throw new Error('the order could not be saved');
        }),
        /could not be saved/,
      );
      const committed = await transactor.run((tx) => outbox.enqueue(tx, email({ subject: 'committed' })));
      const rows = await outbox.list({ limit: 10 });
      assert.deepEqual(rows.map((r) => r.subject), ['committed']);
      assert.equal(committed.status, 'queued');
      assert.equal(committed.orderId, 7);
      assert.deepEqual(committed.attachments, [{ kind: 'order_pdf', orderNumber: '2026000001', filename: 'objednavka-2026000001.pdf' }]);
      assert.equal(committed.createdAt, T0.toISOString());
    });

    test('a claim takes due emails once, marks them sending with a lease and counts the attempt', async () => {
      await clear();
      const due = await outbox.enqueue(null, email());
      await outbox.enqueue(null, email({ createdAt: at(60) })); // not due yet
      const claimed = await outbox.claim({ worker: 'w1', now: at(1), leaseMs: 30_000, limit: 10 });
      assert.deepEqual(claimed.map((e) => e.id), [due.id]);
      assert.equal(claimed[0]!.status, 'sending');
      assert.equal(claimed[0]!.attempts, 1);
      assert.equal(claimed[0]!.claimedBy, 'w1');
      assert.equal(claimed[0]!.claimedUntil, at(31).toISOString());
      assert.deepEqual(await outbox.claim({ worker: 'w2', now: at(2), leaseMs: 30_000, limit: 10 }), [], 'nothing twice');
    });

    test('a killed worker’s claim expires and the email is claimed again, by another worker', async () => {
      await clear();
      const queued = await outbox.enqueue(null, email());
      await outbox.claim({ worker: 'dead', now: at(0), leaseMs: 30_000, limit: 10 });
      assert.deepEqual(await outbox.claim({ worker: 'w2', now: at(29), leaseMs: 30_000, limit: 10 }), []);
      const again = await outbox.claim({ worker: 'w2', now: at(31), leaseMs: 30_000, limit: 10 });
      assert.deepEqual(again.map((e) => [e.id, e.claimedBy, e.attempts, e.messageId]), [[queued.id, 'w2', 2, queued.messageId]]);
      // The dead worker's late report of a failure does not touch the row another worker holds.
      await outbox.markFailedAttempt(queued.id, 'dead', { status: 'queued', nextAttemptAt: at(999) }, 'late');
      assert.equal((await outbox.findById(queued.id))!.status, 'sending');
    });

    test('failures are scheduled for later, then fail for good; sent emails record when', async () => {
      await clear();
      const queued = await outbox.enqueue(null, email());
      await outbox.claim({ worker: 'w', now: at(0), leaseMs: 60_000, limit: 1 });
      await outbox.markFailedAttempt(queued.id, 'w', { status: 'queued', nextAttemptAt: at(30) }, 'connect ECONNREFUSED 127.0.0.1:25');
      let row = (await outbox.findById(queued.id))!;
      assert.deepEqual([row.status, row.nextAttemptAt, row.lastError, row.claimedBy], ['queued', at(30).toISOString(), 'connect ECONNREFUSED 127.0.0.1:25', null]);
      assert.deepEqual(await outbox.claim({ worker: 'w', now: at(29), leaseMs: 60_000, limit: 1 }), [], 'not before its time');
      await outbox.claim({ worker: 'w', now: at(30), leaseMs: 60_000, limit: 1 });
      await outbox.markFailedAttempt(queued.id, 'w', { status: 'failed' }, '550 no such user');
      row = (await outbox.findById(queued.id))!;
      assert.deepEqual([row.status, row.attempts], ['failed', 2]);
      assert.deepEqual(await outbox.claim({ worker: 'w', now: at(99_999), leaseMs: 60_000, limit: 1 }), [], 'failed emails are never claimed');

      const other = await outbox.enqueue(null, email());
      await outbox.claim({ worker: 'w', now: at(100), leaseMs: 60_000, limit: 1 });
      await outbox.markSent([other.id], at(101));
      const sent = (await outbox.findById(other.id))!;
      assert.deepEqual([sent.status, sent.sentAt, sent.claimedBy], ['sent', at(101).toISOString(), null]);
    });

    test('send again: the same row and Message-ID with a fresh set of tries; not while it is being sent', async () => {
      await clear();
      const queued = await outbox.enqueue(null, email());
      await outbox.claim({ worker: 'w', now: at(0), leaseMs: 60_000, limit: 1 });
      assert.equal(await outbox.requeue(queued.id, at(1)), null, 'refused while sending');
      await outbox.markFailedAttempt(queued.id, 'w', { status: 'failed' }, 'boom');
      const again = (await outbox.requeue(queued.id, at(2)))!;
      assert.deepEqual([again.id, again.messageId, again.status, again.attempts, again.nextAttemptAt], [queued.id, queued.messageId, 'queued', 0, at(2).toISOString()]);
      assert.equal(await outbox.requeue(999_999, at(3)), null);
      assert.ok(MAX_ATTEMPTS > 1);
    });

    test('the list is newest first, pages back by id and filters by order', async () => {
      await clear();
      const ids: number[] = [];
      for (let i = 0; i < 5; i++) ids.push((await outbox.enqueue(null, email({ orderId: i % 2 ? 1 : 2, subject: `S${i}` }))).id);
      const first = await outbox.list({ limit: 3 });
      assert.deepEqual(first.map((e) => e.subject), ['S4', 'S3', 'S2']);
      assert.deepEqual((await outbox.list({ limit: 3, before: first.at(-1)!.id })).map((e) => e.subject), ['S1', 'S0']);
      assert.deepEqual((await outbox.list({ limit: 10, orderId: 1 })).map((e) => e.subject), ['S3', 'S1']);
    });

    test('workers claiming at the same time never get the same email', async () => {
      await clear();
      for (let i = 0; i < 60; i++) await outbox.enqueue(null, email());
      // Three "app servers" with their own connections, two workers each: FOR UPDATE SKIP LOCKED on PostgreSQL,
      // one atomic UPDATE under SQLite's write lock.
      const servers = [db, openDatabase(database.target), openDatabase(database.target)];
      const claims = servers.flatMap((server, s) => [0, 1].map((w) => outboxRepo(server).claim({ worker: `s${s}w${w}`, now: at(1), leaseMs: 60_000, limit: 15 })));
      const rounds = await Promise.all(claims);
      await Promise.all(servers.slice(1).map((server) => server.destroy()));
      const ids = rounds.flat().map((e) => e.id);
      assert.equal(ids.length, 60, 'every email claimed');
      assert.equal(new Set(ids).size, 60, 'none twice');
      const rows = await db.selectFrom('outbox_emails').select(['status', 'attempts']).execute();
      assert.ok(rows.every((r) => r.status === 'sending' && r.attempts === 1));
    });
  });
}
