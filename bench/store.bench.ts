/**
 * The shop as `npm start` runs it (the built server with its worker, the seeded demo shop on SQLite, or PostgreSQL with
 * BENCH_DB=postgres): start-up on an existing data directory, idle memory and CPU, then the Store API under autocannon —
 * a list of 20, search, product detail — and checkouts at 1 and 10 clients, and the peak memory of it all.
 * Targets: list-20 ≥ 3 000 req/s, checkout p99 at 10 clients < 60 ms, RSS idle ≤ 150 MiB and peak ≤ 300 MiB, start-up
 * ≤ 1 s, idle CPU < 1 %.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import pg from 'pg';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 30);
const PG_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const usePostgres = process.env.BENCH_DB === 'postgres';
// BENCH_NO_WORKER=1: the web server alone (`kramek serve --no-worker`), as on a machine that runs `kramek worker` apart.
const NO_WORKER = process.env.BENCH_NO_WORKER === '1';
// The server runs with the node flags of `npm start` (package.json); BENCH_NODE_FLAGS="…" runs it with others instead
// (BENCH_NODE_FLAGS= : none), to try memory settings.
const startScript = (JSON.parse(fs.readFileSync('package.json', 'utf8')) as { scripts: { start: string } }).scripts.start;
const START_FLAGS = /^node ((?:--\S+ )*)dist\//.exec(startScript)?.[1] ?? '';
const NODE_FLAGS = (process.env.BENCH_NODE_FLAGS ?? START_FLAGS).split(' ').filter(Boolean);

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

const status = (pid: number) => fs.readFileSync(`/proc/${pid}/status`, 'utf8');
const mib = (pid: number, field: 'VmRSS' | 'VmHWM') => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status(pid))?.[1] ?? 0) / 1024;
// User + system CPU time from /proc, in ms (100 clock ticks a second).
const cpuMs = (pid: number) => {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function ready(port: number): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/ready`)).status === 200;
  } catch {
    return false;
  }
}

/** Starts the built server; resolves once /ready answers, with the milliseconds that took. */
async function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; port: number; startMs: number }> {
  const port = await freePort();
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [...NODE_FLAGS, 'dist/cli/main.js', 'serve', ...(NO_WORKER ? ['--no-worker'] : [])], { env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'warn' }, stdio: ['ignore', 'ignore', 'inherit'] });
  let exited = false;
  child.once('exit', () => (exited = true));
  while (!(await ready(port))) {
    if (exited) throw new Error('the server exited while starting');
    await sleep(5);
  }
  return { child, port, startMs: Number(process.hrtime.bigint() - started) / 1e6 };
}

async function stop(child: ChildProcess) {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

function report(title: string, result: autocannon.Result, cpuUsed: number, target = '') {
  const answered = result['2xx'];
  const perSecond = answered / SECONDS;
  const bad = result.non2xx + result.errors;
  console.log(
    `${title.padEnd(28)} ${perSecond.toFixed(0).padStart(6)}/s  p50 ${String(result.latency.p50).padStart(3)} ms  p99 ${String(result.latency.p99).padStart(3)} ms  server CPU ${((cpuUsed * 1000) / Math.max(1, answered)).toFixed(0).padStart(5)} µs each${bad ? `  (${bad} failed!)` : ''}${target ? `  ${target}` : ''}`,
  );
  return { perSecond, p99: result.latency.p99 };
}

async function load(title: string, port: number, pid: number, options: { paths?: string[]; connections: number; body?: (n: number) => string }, target?: (r: { perSecond: number; p99: number }) => string) {
  let n = 0;
  const cpuBefore = cpuMs(pid);
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: options.connections,
    duration: SECONDS,
    requests: [
      options.body
        ? { method: 'POST', path: '/api/store/orders', headers: { 'content-type': 'application/json' }, setupRequest: (req) => ({ ...req, body: options.body!(n++) }) }
        : { method: 'GET', setupRequest: (req) => ({ ...req, path: options.paths![n++ % options.paths!.length]! }) },
    ],
  });
  const figures = report(title, result, cpuMs(pid) - cpuBefore);
  console.log(`  RSS now ${mib(pid, 'VmRSS').toFixed(0)} MiB, peak so far ${mib(pid, 'VmHWM').toFixed(0)} MiB`);
  if (target) console.log(`  ${target(figures)}`);
  return figures;
}

const verdict = (ok: boolean) => (ok ? 'OK' : 'MISSED');

const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(1);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kramek-store-bench-'));
const schema = `bench_${randomBytes(4).toString('hex')}`;
const env: Record<string, string> = { DATA_DIR: dataDir, ADMIN_PASSWORD: 'bench-heslo-123' };
if (usePostgres) {
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  env.DATABASE_URL = url.toString();
}

try {
  // The first start migrates and seeds the demo shop; the figures are of the starts after it, on existing data.
  await stop((await startServer(env)).child);
  const starts: number[] = [];
  for (let i = 0; i < 5; i++) {
    const server = await startServer(env);
    starts.push(server.startMs);
    await stop(server.child);
  }
  starts.sort((a, b) => a - b);
  const startMs = starts[2]!;
  console.log(`${usePostgres ? 'PostgreSQL' : 'SQLite'}, the demo shop, built server ${NO_WORKER ? 'without its worker (serve --no-worker)' : 'with its worker (npm start)'}${NODE_FLAGS.length ? `, node ${NODE_FLAGS.join(' ')}` : ''}`);
  console.log(`start-up on existing data: median ${startMs.toFixed(0)} ms of 5 (${starts.map((s) => s.toFixed(0)).join(', ')})  target ≤ 1 000 ms: ${verdict(startMs <= 1000)}`);

  const { child, port } = await startServer(env);
  const pid = child.pid!;
  // Idle means settled: the worker's first round of housekeeping and V8's memory-reducing collections a few seconds
  // after start-up (one-off, ~50 ms of CPU) are over before the idle window opens.
  await sleep(15_000);
  const idleRss = mib(pid, 'VmRSS');
  const idleCpuBefore = cpuMs(pid);
  await sleep(IDLE_SECONDS * 1000);
  const idleCpu = ((cpuMs(pid) - idleCpuBefore) / (IDLE_SECONDS * 1000)) * 100;
  console.log(`idle: RSS ${idleRss.toFixed(0)} MiB  target ≤ 150: ${verdict(idleRss <= 150)};  CPU ${idleCpu.toFixed(2)} % over ${IDLE_SECONDS} s  target < 1 %: ${verdict(idleCpu < 1)}`);

  type ApiProduct = { slug: string; variants: { sku: string; stock: number }[] };
  const catalogue = (await (await fetch(`http://127.0.0.1:${port}/api/store/products?limit=100`)).json()) as { items: ApiProduct[] };
  const categories = [...new Set(catalogue.items.flatMap((p) => (p as unknown as { categories: string[] }).categories))];
  const listPaths = ['', ...categories.map((c) => `&category=${c}`)].flatMap((q) => [1, 2].map((page) => `/api/store/products?limit=20&page=${page}${q}`));
  const searchPaths = ['čaj', 'zelený', 'káva', 'konvice', 'sencha', 'darjeeling', 'hrnek', 'med'].map((q) => `/api/store/products?limit=20&q=${encodeURIComponent(q)}`);
  const productPaths = catalogue.items.map((p) => `/api/store/products/${p.slug}`);

  await load('warm-up', port, pid, { paths: [...listPaths, ...searchPaths, ...productPaths], connections: 10 });
  const list = await load('list of 20 (Store API)', port, pid, { paths: listPaths, connections: 50 }, (r) => `target ≥ 3 000/s: ${verdict(r.perSecond >= 3000)}`);
  // Every URL different: no answer comes from the micro-cache, each is read from the database (a crawler's worst case).
  const uncached = Array.from({ length: 50_000 }, (_, i) => `${listPaths[i % listPaths.length]}&nocache=${i}`);
  await load('list of 20, never cached', port, pid, { paths: uncached, connections: 50 });
  await load('search (Store API, q=…)', port, pid, { paths: searchPaths, connections: 50 });
  await load('product detail (Store API)', port, pid, { paths: productPaths, connections: 50 });

  // Goods that stay in stock for the whole run (the owner restocks them through the admin API), three lines an order.
  const token = spawnSync(process.execPath, ['dist/cli/main.js', 'token', 'create', '--name', 'bench'], { env: { ...process.env, ...env, LOG_LEVEL: 'warn' }, encoding: 'utf8' }).stdout.trim();
  for (const product of catalogue.items as unknown as { id: number; variants: { id: number }[] }[]) {
    const restock = await fetch(`http://127.0.0.1:${port}/api/admin/products/${product.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ variants: product.variants.map((v) => ({ id: v.id, stock: 1_000_000 })) }),
    });
    if (restock.status !== 200) throw new Error(`restocking failed: ${restock.status} ${await restock.text()}`);
  }
  const skus = catalogue.items.flatMap((p) => p.variants.map((v) => v.sku));
  const body = (n: number) =>
    JSON.stringify({
      items: [0, 7, 13].map((k, i) => ({ sku: skus[(n + k) % skus.length], quantity: 1 + (i % 2) })),
      customer: { email: `kupec${n}@example.cz`, name: 'Jana Nováková', phone: '+420601123456' },
      billingAddress: { street: 'Dlouhá 12', city: 'Praha', zip: '110 00', country: 'CZ' },
      shippingMethod: 'ppl',
      paymentMethod: 'bank-transfer',
    });
  if (skus.length < 3) throw new Error(`the demo shop has too few variants with stock (${skus.length})`);
  await load('checkout, 1 client', port, pid, { connections: 1, body });
  await load('checkout, 10 clients', port, pid, { connections: 10, body }, (r) => `target p99 < 60 ms: ${verdict(r.p99 < 60)}`);
  await sleep(3000); // the worker sends what the checkouts queued
  const peak = mib(pid, 'VmHWM');
  console.log(`peak RSS: ${peak.toFixed(0)} MiB  target ≤ 300: ${verdict(peak <= 300)}`);
  console.log(`list-20 at ${list.perSecond.toFixed(0)}/s`);
  await stop(child);
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (usePostgres) {
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  }
}
