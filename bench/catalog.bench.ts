/**
 * Catalogue benchmark: 10 000 products in SQLite, the server in a child process, autocannon (10 s, 50 connections) against
 * a bare Fastify route, category pages (their 2 s micro-cache) and product pages rotating over the whole catalogue (kept
 * rendered until they change, validated on every request: measured after one pass has rendered each); then search p99 at
 * 100 000 products. Prints figures beside the targets and the server's peak RSS.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { spawn, type ChildProcess } from 'node:child_process';
import autocannon from 'autocannon';
import { loadConfig } from '../src/config/env.js';
import { openCore } from '../src/main.js';
import { migrateToLatest } from '../src/adapters/db/migrate.js';
import { productSearchText } from '../src/domain/catalog/search-text.js';
import type { Db } from '../src/adapters/db/kysely.js';
import type { Insertable } from 'kysely';
import type { ProductsTable } from '../src/adapters/db/catalog-schema.js';

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kramek-bench-'));

const KINDS = ['Čaj', 'Káva', 'Čokoláda', 'Sušenky', 'Med', 'Koření', 'Ořechy', 'Sirup', 'Džem', 'Bonbóny'];
const WORDS = ['zelený', 'černý', 'hořká', 'mléčná', 'lesní', 'květový', 'pražené', 'jahodový', 'skořicový', 'vanilkový', 'ostrý', 'jemný', 'bio', 'dárkový', 'ovocný', 'bylinný'];
const ORIGINS = ['z Moravy', 'z Čech', 'z Peru', 'z Etiopie', 'z Indie', 'z Japonska', 'z Kolumbie', 'ze Slovenska'];

async function seed(db: Db, from: number, count: number, categoryIds: number[]) {
  const now = new Date().toISOString();
  const BATCH = 500;
  await db.transaction().execute(async (trx) => {
    for (let start = from; start < from + count; start += BATCH) {
      const rows: Insertable<ProductsTable>[] = [];
      for (let i = start; i < Math.min(start + BATCH, from + count); i++) {
        const name = `${KINDS[i % KINDS.length]} ${WORDS[(i * 7) % WORDS.length]} ${ORIGINS[(i * 3) % ORIGINS.length]} ${i}`;
        const variants = [{ sku: `B-${i}-S`, name: '100 g' }, { sku: `B-${i}-L`, name: '250 g' }];
        const price = 3900 + ((i * 137) % 90000);
        rows.push({
          name,
          slug: `zbozi-${i}`,
          description: `Popis zboží ${name}.`,
          description_html: `<p>Popis zboží ${name}.</p>`,
          vat_rate: 12,
          active: 1,
          min_price: price,
          stock_total: i % 9 === 0 ? 0 : 20,
          search_text: productSearchText({ name, descriptionText: `Popis zboží ${name}.`, variants }),
          created_at: now,
          updated_at: now,
        });
      }
      const ids = await trx.insertInto('products').values(rows).returning('id').execute();
      await trx
        .insertInto('variants')
        .values(ids.flatMap(({ id }, k) => [
          { product_id: id, sku: `B-${start + k}-S`, name: '100 g', price: (rows[k]!.min_price as number), compare_at_price: null, stock: (rows[k]!.stock_total as number), weight_grams: 100, position: 0 },
          { product_id: id, sku: `B-${start + k}-L`, name: '250 g', price: (rows[k]!.min_price as number) * 2, compare_at_price: null, stock: (rows[k]!.stock_total as number), weight_grams: 250, position: 1 },
        ]))
        .execute();
      await trx.insertInto('product_categories').values(ids.map(({ id }, k) => ({ product_id: id, category_id: categoryIds[(start + k) % categoryIds.length]!, position: 0 }))).execute();
    }
  });
}

function startChild(args: string[], env: Record<string, string>): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout!.on('data', (chunk: Buffer) => {
      const match = /:(\d+)\//.exec(chunk.toString()) ?? /PORT (\d+)/.exec(chunk.toString());
      if (match) resolve({ child, port: Number(match[1]) });
    });
    child.once('exit', (code) => reject(new Error(`child exited ${code}`)));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

const peakRss = (pid: number) => Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

// Server CPU time (user + system, in clock ticks of 10 ms) from /proc: on a shared machine CPU per request says more than requests per second.
const cpuMs = (pid: number) => {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

async function cannon(title: string, port: number, paths: string[], pid?: number, limit: { requests?: number } = {}) {
  let n = 0;
  const cpuBefore = pid ? cpuMs(pid) : 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    ...(limit.requests ? { amount: limit.requests } : { duration: DURATION }),
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[n++ % paths.length]! }) }],
  });
  const bad = result.non2xx + result.errors;
  const cpu = pid ? `  server CPU ${(((cpuMs(pid) - cpuBefore) * 1000) / Math.max(1, result.requests.total)).toFixed(0).padStart(5)} µs/request` : '';
  console.log(`${title.padEnd(34)} ${result.requests.average.toFixed(0).padStart(7)} req/s  p99 ${String(result.latency.p99).padStart(4)} ms${cpu}${bad ? `  (${bad} failed!)` : ''}`);
  return result.requests.average;
}

const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', SEED_DEMO: '0' });
const core = openCore(config);
try {
  await migrateToLatest(core.db);
  const categoryIds: number[] = [];
  for (let c = 0; c < 20; c++) categoryIds.push((await core.services.createCategory({ name: `Kategorie ${c}`, slug: `kategorie-${c}`, description: 'Popis kategorie.', parentId: null, visible: true })).id);
  let t = Date.now();
  await seed(core.db, 0, 10_000, categoryIds);
  console.log(`seeded 10 000 products in ${Date.now() - t} ms (SQLite, ${dataDir})`);

  const bare = await startChild(['--input-type=module', '-e', "import Fastify from 'fastify'; const app = Fastify(); app.get('/', async () => 'ok'); await app.listen({ port: 0, host: '127.0.0.1' }); console.log('PORT ' + app.server.address().port);"], {});
  const port = await freePort();
  // BENCH_CPU_PROF=dir: the server writes a .cpuprofile when it stops.
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const server = await startChild([...profile, '--import', 'tsx', 'src/cli/main.ts', 'serve', '--no-worker'], { DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', SEED_DEMO: '0', ADMIN_PASSWORD: 'bench-heslo-123' });
  const productPaths = Array.from({ length: 10_000 }, (_, i) => `/zbozi/zbozi-${(i * 7919) % 10_000}`);
  const categoryPaths = categoryIds.flatMap((_, c) => ['', '?strana=2', '?razeni=price', '?strana=5&razeni=name', '?skladem=1'].map((q) => `/kategorie/kategorie-${c}${q}`));
  await cannon('warm-up', port, ['/']);
  const bareRps = await cannon('bare Fastify route', bare.port, ['/'], bare.child.pid);
  const categoryRps = await cannon('category page (100 variants)', port, categoryPaths, server.child.pid);
  // Product pages stay rendered until they change: one pass over the catalogue first, then the steady state is measured.
  await cannon('product pages, first pass (rendering)', port, productPaths.slice(0, 10_000), server.child.pid, { requests: 10_000 });
  const productRps = await cannon('product page (10 000 rotating)', port, productPaths, server.child.pid);
  const pct = (x: number) => `${((x / bareRps) * 100).toFixed(0)} %`;
  console.log(`product page:  ${pct(productRps)} of the bare route (target ≥ 30 %) ${productRps / bareRps >= 0.3 ? 'OK' : 'MISSED'}`);
  console.log(`category page: ${pct(categoryRps)} of the bare route (target ≥ 20 %) ${categoryRps / bareRps >= 0.2 ? 'OK' : 'MISSED'}`);
  console.log(`server peak RSS: ${peakRss(server.child.pid!).toFixed(0)} MB`);
  bare.child.kill();
  server.child.kill();

  t = Date.now();
  await seed(core.db, 10_000, 90_000, categoryIds);
  console.log(`\nseeded 90 000 more products in ${Date.now() - t} ms`);
  const queries = ['cokolada', 'caj zeleny', 'kava z peru', 'med', 'bonbony jahodovy', 'korení ostry z indie', 'b-4711-s', 'dzem 123', 'orechy', 'sirup bio'];
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let round = 0; round < 50; round++) {
    for (const q of queries) {
      const start = process.hrtime.bigint();
      const cpu = process.cpuUsage();
      await core.services.storeSearch(q, { page: 1 + (round % 3) });
      const used = process.cpuUsage(cpu);
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
      cpuTimes.push((used.user + used.system) / 1000);
    }
  }
  const p = (list: number[], q: number) => [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor(q * list.length))]!;
  console.log(`search at 100 000 products (${times.length} queries): p50 ${p(times, 0.5).toFixed(2)} ms, p99 ${p(times, 0.99).toFixed(2)} ms (target p99 < 20 ms) ${p(times, 0.99) < 20 ? 'OK' : 'MISSED'}`);
  console.log(`  CPU time per search (what a busy shared machine cannot inflate as much): p50 ${p(cpuTimes, 0.5).toFixed(2)} ms, p99 ${p(cpuTimes, 0.99).toFixed(2)} ms`);
} finally {
  await core.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
