// Emails per second through the outbox to a loopback SMTP server (its own process), each with the order PDF attached
// (target ≥ 100/s), on SQLite and — when TEST_DATABASE_URL answers — PostgreSQL; plus the worker's memory (RSS).
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { DIALECTS, type Dialect } from '../test/support/databases.js';
import { startOutboxKramek, orderEmail } from '../test/support/outbox.js';
import { outboxJob } from '../src/jobs/outbox-job.js';
import { renderOrderPdf } from '../src/adapters/pdf/order-pdf.js';
import { fixtureDocument } from '../test/fixtures/order-document.js';

const EMAILS = Number(process.env.BENCH_EMAILS ?? 600);
const TARGET = 100;
/** BENCH_CPU_PROF=dir: a .cpuprofile of the worker alone (from its first claim to its last email), one per run. */
const PROFILE_DIR = process.env.BENCH_CPU_PROF;

async function profiled<T>(name: string, work: () => Promise<T>): Promise<T> {
  if (!PROFILE_DIR) return work();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(`${PROFILE_DIR}/${name}.cpuprofile`, JSON.stringify(profile));
    session.disconnect();
  }
}

type SinkReport = { messages: number; distinct: number; bytes: number };

async function startSink() {
  const child = fork(new URL('./support/smtp-sink.ts', import.meta.url), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  const [line] = (await once(child.stdout!, 'data')) as [Buffer];
  const report = async (): Promise<SinkReport> => {
    child.send('report');
    return ((await once(child, 'message')) as [SinkReport])[0];
  };
  return { url: `smtp://127.0.0.1:${line.toString().trim()}`, report, stop: () => child.kill() };
}

/** `perOrder` 1: every email a different order (worst case); 2: as checkout sends them, the customer's and the owner's email of each order. */
async function run(dialect: Dialect, perOrder: 1 | 2) {
  const sink = await startSink();
  const kramek = await startOutboxKramek(dialect, { SMTP_URL: sink.url }).catch((error: unknown) => {
    sink.stop();
    throw error;
  });
  try {
    const { services } = kramek.core;
    // Queued the way checkout will: each in its own transaction.
    for (let i = 0; i < EMAILS; i++) {
      const number = String(2026000001 + Math.floor(i / perOrder));
      await services.inTransaction((tx) => services.queueEmail(tx, orderEmail(number, i % perOrder ? { kind: 'owner_new_order', to: 'majitel@example.cz' } : {})));
    }
    kramek.clock.now = () => new Date(); // the worker runs on real time from here
    for (let i = 0; i < 20; i++) await renderOrderPdf(fixtureDocument({ number: String(2025000001 + i) })); // a running worker is warm
    const job = outboxJob(services, { maxBusyMs: 60_000 });
    const rssBefore = process.memoryUsage().rss;
    let peakRss = rssBefore;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
    const cpu = process.cpuUsage();
    const started = performance.now();
    await profiled(`outbox-${dialect.name}-${perOrder}`, () => job.run());
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000 / EMAILS;
    const report = await sink.report();
    const rate = report.messages / seconds;
    console.log(
      `${dialect.name.padEnd(8)} ${perOrder === 1 ? 'one email per order ' : 'two emails per order'}: ${report.messages} emails with a PDF in ${seconds.toFixed(2)} s = ${rate.toFixed(0)} emails/s ` +
        `(target ≥ ${TARGET}/s: ${rate >= TARGET ? 'met' : 'NOT met'}); ${report.distinct} distinct Message-IDs; ` +
        `${Math.round(report.bytes / report.messages / 1024)} kB each; worker CPU ${cpuMs.toFixed(1)} ms per email (≈ ${Math.round(1000 / cpuMs)}/s per core); ` +
        `worker RSS ${Math.round(rssBefore / 1048576)} → peak ${Math.round(peakRss / 1048576)} MB`,
    );
    if (report.messages !== EMAILS || report.distinct !== EMAILS) {
      const rows = await kramek.core.db.selectFrom('outbox_emails').select(['status', 'last_error']).execute();
      const tally = new Map<string, number>();
      for (const row of rows) tally.set(`${row.status} ${row.last_error ?? ''}`, (tally.get(`${row.status} ${row.last_error ?? ''}`) ?? 0) + 1);
      throw new Error(`expected ${EMAILS} distinct messages; outbox: ${[...tally].map(([k, n]) => `${n}× ${k}`).join('; ')}`);
    }
  } finally {
    await kramek.close();
    sink.stop();
  }
}

for (const dialect of DIALECTS) {
  try {
    await run(dialect, 1);
    await run(dialect, 2);
  } catch (error) {
    if (dialect.name === 'postgres' && /ECONNREFUSED|connect/.test(String(error))) console.log('postgres: skipped (TEST_DATABASE_URL does not answer)');
    else throw error;
  }
}
