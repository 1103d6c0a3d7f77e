/**
 * Order placement benchmark: POST /api/store/orders with 3 items, 16 concurrent clients for 10 s, on SQLite and on
 * PostgreSQL (the server in a child process, without the worker: the PDF and SMTP are the worker's, never the request's).
 * Targets: SQLite ≥ 300 orders/s with p99 < 100 ms; PostgreSQL ≥ 200 orders/s.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import pg from 'pg';
import { loadConfig } from '../src/config/env.js';
import { openCore } from '../src/main.js';
import { migrateToLatest } from '../src/adapters/db/migrate.js';
import type { DatabaseTarget } from '../src/adapters/db/kysely.js';

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 16;
const PG_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

const BODY = (n: number) =>
  JSON.stringify({
    items: [
      { sku: `BENCH-${n % 20}-A`, quantity: 1 },
      { sku: `BENCH-${(n + 7) % 20}-B`, quantity: 2 },
      { sku: `BENCH-${(n + 13) % 20}-A`, quantity: 1 },
    ],
    customer: { email: `kupec${n}@example.cz`, name: 'Jana Nováková', phone: '+420601123456' },
    billingAddress: { street: 'Dlouhá 12', city: 'Praha', zip: '110 00', country: 'CZ' },
    shippingMethod: 'ppl',
    paymentMethod: 'bank-transfer',
    note: 'Benchmark',
  });

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** The server's log (warnings and errors, LOG_LEVEL=warn) is kept: a failed request is explained by it, not guessed at. */
type ServerLog = { problems: Map<string, number> };

function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; log: ServerLog }> {
  return new Promise((resolve, reject) => {
    // BENCH_CPU_PROF=dir: the server writes a .cpuprofile when it stops.
    const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
    const child = spawn(process.execPath, [...profile, '--import', 'tsx', 'src/cli/main.ts', 'serve', '--no-worker'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    const log: ServerLog = { problems: new Map() };
    let rest = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      const lines = (rest + chunk.toString()).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) {
        if (/Kramek is running/.test(line)) resolve({ child, log });
        let entry: { level?: number; msg?: string; err?: { type?: string; code?: string; message?: string } };
        try {
          entry = JSON.parse(line) as typeof entry;
        } catch {
          continue;
        }
        if ((entry.level ?? 0) < 40) continue;
        const what = `${entry.msg ?? ''}${entry.err ? `: ${entry.err.type ?? ''} ${entry.err.code ?? ''} ${entry.err.message ?? ''}` : ''}`.slice(0, 300);
        log.problems.set(what, (log.problems.get(what) ?? 0) + 1);
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
}

async function run(name: 'SQLite' | 'PostgreSQL', targetFor: (dataDir: string) => DatabaseTarget, env: Record<string, string>, goal: number) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kramek-orders-bench-'));
  const target = targetFor(dataDir);
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', SEED_DEMO: '0' });
  const core = openCore(config, { database: target });
  await migrateToLatest(core.db);
  for (let p = 0; p < 20; p++) {
    await core.services.createProduct({
      name: `Zboží ${p}`,
      slug: '',
      description: '',
      vatRate: 21,
      active: true,
      categoryIds: [],
      variants: ['A', 'B'].map((v) => ({ sku: `BENCH-${p}-${v}`, name: v, price: 10000 + p * 100, compareAtPrice: null, stock: 1_000_000, weightGrams: null })),
    });
  }
  const port = await freePort();
  const { child: server, log } = await startServer({ ...env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', SEED_DEMO: '0', ADMIN_PASSWORD: 'bench-heslo-123' });
  // The server's CPU time per order: a figure the other work on a shared machine disturbs far less than orders/s.
  const cpuTicks = () => fs.readFileSync(`/proc/${server.pid}/stat`, 'utf8').split(') ')[1]!.split(' ').slice(11, 13).reduce((a, b) => a + Number(b), 0);
  const ticksBefore = cpuTicks();
  let n = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/api/store/orders`,
    connections: CONNECTIONS,
    duration: DURATION,
    requests: [{ method: 'POST', headers: { 'content-type': 'application/json' }, setupRequest: (req) => ({ ...req, body: BODY(n++) }) }],
  });
  const serverCpuMs = ((cpuTicks() - ticksBefore) * 10) / Math.max(1, result['2xx']); // 100 ticks a second
  const orders = Number((await core.db.selectFrom('orders').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const emails = Number((await core.db.selectFrom('outbox_emails').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const rss = Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  server.kill();
  await new Promise((resolve) => server.once('exit', resolve));
  await core.close();
  const rate = result['2xx'] / DURATION;
  const ok = rate >= goal && (name === 'PostgreSQL' || result.latency.p99 < 100);
  console.log(
    `${name.padEnd(10)} ${rate.toFixed(0).padStart(5)} orders/s  p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  (${result.non2xx} non-2xx, ${result.errors} errors; ${orders} orders and ${emails} queued emails in the database; server CPU ${serverCpuMs.toFixed(1)} ms per order; server peak RSS ${rss.toFixed(0)} MB)  target ≥ ${goal}/s${name === 'SQLite' ? ', p99 < 100 ms' : ''}: ${ok ? 'OK' : 'MISSED'}`,
  );
  const statuses = Object.entries((result as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {}).map(([code, s]) => `${code}×${s.count}`);
  console.log(`  responses: ${statuses.join(', ')}`);
  for (const [what, count] of log.problems) console.log(`  server log ×${count}: ${what}`);
  // Requests still in flight when autocannon stops are stored but not counted as answered; fewer stored would be a loss.
  if (orders < result['2xx']) console.log(`  !! LOST: ${result['2xx']} acknowledged but only ${orders} stored`);
}

const only = process.env.BENCH_DB; // `sqlite` or `postgres` runs just one
if (only !== 'postgres') await run('SQLite', (dir) => ({ kind: 'sqlite', file: path.join(dir, 'kramek.sqlite') }), {}, 300).catch((e) => console.error(e));

if (only !== 'sqlite') await runPostgres();

async function runPostgres() {
const schema = `bench_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: PG_URL });
await admin.connect();
await admin.query(`create schema ${schema}`);
try {
  const url = new URL(PG_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  await run('PostgreSQL', () => ({ kind: 'postgres', url: PG_URL, searchPath: schema }), { DATABASE_URL: url.toString() }, 200);
} finally {
  await admin.query(`drop schema ${schema} cascade`);
  await admin.end();
}
}
