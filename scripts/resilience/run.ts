/**
 * `npm run test:resilience`: two app servers and a worker behind nginx on a private PostgreSQL, under a mixed load,
 * while one server is SIGKILLed and restarted, the SMTP server goes away for a while and PostgreSQL restarts.
 * Then nothing may be lost or doubled: orders, stock, emails, carts, the admin session. Prints the figures; exit 1 on any failure.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { TestSmtp } from '../../test/support/smtp.js';
import { canConnect, freePort, KramekProcess, Nginx, PrivateCluster, waitFor } from './cluster.js';
import { RequestLog, runLoad, type Shop } from './load.js';
import { stockSnapshot, verify } from './verify.js';

/** The least time the load runs; it goes on until the shop has recovered from the last fault. */
const LOAD_MS = Number(process.env.RESILIENCE_LOAD_MS ?? 40_000);
const ADMIN = { email: 'majitel@example.cz', password: 'odolnost-heslo-123' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kramek-resilience-'));
fs.chmodSync(root, 0o755); // PostgreSQL runs as its own user and must reach its directory
const processes: KramekProcess[] = [];
let cluster: PrivateCluster | null = null;
let nginx: Nginx | null = null;
let smtp: TestSmtp | null = null;
let db: pg.Pool | null = null;
const log = new RequestLog();
const events: string[] = [];
const event = (text: string) => {
  events.push(`${seconds(Date.now() - log.started).padStart(7)}  ${text}`);
  console.log(`resilience: ${text}`);
};

async function cleanUp() {
  await db?.end().catch(() => {});
  for (const p of processes) await p.kill('SIGKILL').catch(() => {});
  await nginx?.stop().catch(() => {});
  cluster?.destroy();
  await smtp?.stop().catch(() => {});
  if (process.env.RESILIENCE_KEEP !== '1') fs.rmSync(root, { recursive: true, force: true });
  else console.log(`resilience: kept ${root}`);
}

async function main(): Promise<number> {
  const [pgPort, nginxPort, app1Port, app2Port, smtpPort] = await Promise.all([freePort(), freePort(), freePort(), freePort(), freePort()]);
  cluster = new PrivateCluster(root, pgPort);
  await cluster.init();
  smtp = await new TestSmtp().start(smtpPort);
  const base = `http://127.0.0.1:${nginxPort}`;
  const env = { DATABASE_URL: cluster.url, DATA_DIR: path.join(root, 'data'), SMTP_URL: smtp.url, PUBLIC_URL: base, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, SEED_DEMO: '1', LOG_LEVEL: 'info' };
  const app1 = new KramekProcess('app-1', ['serve', '--no-worker'], env, root, app1Port);
  const app2 = new KramekProcess('app-2', ['serve', '--no-worker'], env, root, app2Port);
  const worker = new KramekProcess('worker', ['worker'], env, root);
  processes.push(app1, app2, worker);
  // All three at once on the empty database: start-up (migrations, owner, demo shop) must happen once.
  for (const p of processes) p.start();
  const startMs = Math.max(await app1.ready(), await app2.ready());
  event(`two app servers and the worker up on an empty database in ${seconds(startMs)}`);
  nginx = new Nginx(root, nginxPort, [app1Port, app2Port]);
  await nginx.start(fs.readFileSync('deploy/nginx.conf.example', 'utf8'));

  // A pool: it reconnects by itself after the PostgreSQL restart, and the watchers below query concurrently.
  db = new pg.Pool({ connectionString: cluster.url, max: 4 });
  db.on('error', () => {});
  const owners = Number((await db.query('select count(*) as n from admin_users')).rows[0].n);
  const variants = (await db.query<{ id: number; sku: string; slug: string; stock: number }>('select v.id, v.sku, p.slug, v.stock from variants v join products p on p.id = v.product_id where p.active = 1 order by v.id')).rows;
  if (owners !== 1 || variants.length < 6) throw new Error(`unexpected start: ${owners} owners, ${variants.length} variants`);
  // A few scarce goods, so that checkouts compete for the last pieces; the rest plentiful.
  const scarce = variants.slice(0, 3);
  await db.query('update variants set stock = 12 where id = any($1)', [scarce.map((v) => v.id)]);
  await db.query('update variants set stock = 100000 where not (id = any($1))', [scarce.map((v) => v.id)]);
  // The shop's own shipping and payment methods (Configuration), as a checkout page offers them.
  const settings = (await db.query<{ data: string }>('select data from settings')).rows[0];
  const checkout = settings ? (JSON.parse(settings.data) as { checkout?: { shippingMethods?: { code: string }[]; paymentMethods?: { code: string }[] } }).checkout : undefined;
  const shipping = checkout?.shippingMethods?.[0]?.code ?? 'ppl';
  const payment = checkout?.paymentMethods?.find((p) => p.code === 'bank-transfer')?.code ?? checkout?.paymentMethods?.[0]?.code ?? 'bank-transfer';
  const shop: Shop = { variants, scarce, plenty: variants.slice(3), shipping, payment };
  const stockBefore = await stockSnapshot(db);

  // Stock is watched throughout, not only at the end.
  let minStock = Infinity;
  const monitor = setInterval(() => {
    db!.query('select min(stock) as m from variants').then((r) => (minStock = Math.min(minStock, Number(r.rows[0].m))), () => {});
  }, 250);

  const recovery: Record<string, string> = {};
  let stopLoad = false;
  // The faults one after another, each once the shop has recovered from the one before; the load runs throughout.
  const chaos = async () => {
    await sleep(5000);
    event(`SIGKILL app-1 (exit ${await app1.kill('SIGKILL')})`);
    const killedAt = Date.now();
    await sleep(3000);
    app1.start();
    const readyMs = await app1.ready();
    recovery['app-1 restart → ready'] = seconds(readyMs);
    recovery['app-1 down in all'] = seconds(Date.now() - killedAt);
    event(`app-1 restarted, ready after ${seconds(readyMs)}`);

    await sleep(3000);
    await smtp!.stop();
    event('SMTP server stopped');
    await sleep(8000);
    await smtp!.start(smtpPort);
    const smtpBack = Date.now();
    event('SMTP server back');
    // Emails that failed meanwhile wait for their retry (about 30 s); measured in the background.
    const delayedLeft = async () => Number((await db!.query("select count(*) as n from outbox_emails where status <> 'sent' and last_error is not null")).rows[0].n);
    recovery['SMTP back → every delayed email sent'] = 'still waiting at the end';
    void waitFor(async () => (await delayedLeft().catch(() => 1)) === 0, 'retried emails', 150_000, 250)
      .then(() => (recovery['SMTP back → every delayed email sent'] = seconds(Date.now() - smtpBack)))
      .catch(() => (recovery['SMTP back → every delayed email sent'] = 'not within 150 s'));

    await sleep(5000);
    const pgDown = Date.now();
    cluster!.stop('immediate');
    event('PostgreSQL stopped (immediate: crash recovery on start)');
    await sleep(2000);
    await cluster!.start();
    const pgUp = Date.now();
    event('PostgreSQL started');
    await Promise.all([app1.ready(), app2.ready()]);
    recovery['PostgreSQL up → both servers ready'] = seconds(Date.now() - pgUp);
    await waitFor(() => log.entries.some((e) => e.kind === 'checkout' && e.status === 201 && log.started + e.at > pgUp), 'a checkout after the restart', 60_000);
    recovery['PostgreSQL down → next order placed'] = seconds(Date.now() - pgDown);
    await sleep(10_000); // and some more load on the recovered shop
  };
  const loadStarted = Date.now();
  const load = runLoad(base, log, shop, ADMIN, () => stopLoad);
  await chaos();
  await sleep(Math.max(0, loadStarted + LOAD_MS - Date.now()));
  stopLoad = true;
  const result = await load;
  event(`load stopped; ${result.checkouts.filter((c) => c.tries > 1).length} checkouts were retried with their Idempotency-Key`);

  // Carts and the admin session after everything.
  const cartPages = new Map<string, string>();
  for (const [name, cart] of result.carts) cartPages.set(name, (await cart.client.request('cart', 'GET', '/kosik'))?.text ?? '');
  const adminAfter = await result.admin.client.request('admin', 'GET', '/admin/objednavky');
  if (adminAfter?.status !== 200) result.admin.signedOutSeen++;

  const drainStarted = Date.now();
  await waitFor(async () => Number((await db!.query("select count(*) as n from outbox_emails where status in ('queued', 'sending')")).rows[0].n) === 0, 'the outbox to drain', 90_000, 250).catch(() => {});
  const drainMs = Date.now() - drainStarted;
  await sleep(1500); // an email sent twice would arrive now
  clearInterval(monitor);

  const verdict = await verify(db, result, stockBefore, smtp.messageIds(), cartPages);
  if (minStock < 0) verdict.failures.push(`stock went negative during the run (${minStock})`);
  // A read is always passed on to a live server (an app server down, or the database away: 503 with Retry-After).
  const badGateway = log.entries.filter((e) => e.method === 'GET' && e.status === 502);
  if (badGateway.length > 0) verdict.failures.push(`${badGateway.length} GET requests answered 502 by nginx, e.g. ${badGateway[0]!.path} at ${(badGateway[0]!.at / 1000).toFixed(1)} s`);

  // Graceful shutdown under real conditions: every process exits 0 on SIGTERM.
  for (const p of processes) {
    const code = await p.kill('SIGTERM');
    if (code !== 0) verdict.failures.push(`${p.name} exited with ${code} on SIGTERM`);
  }
  if (await canConnect(app1Port)) verdict.failures.push('app-1 still listening after SIGTERM');

  report(result, verdict.figures, recovery, drainMs, minStock);
  if (verdict.failures.length > 0) {
    console.log(`\nresilience: FAILED (${verdict.failures.length})`);
    for (const failure of verdict.failures.slice(0, 40)) console.log(`  ✖ ${failure}`);
    return 1;
  }
  console.log('\nresilience: OK — nothing lost, nothing doubled');
  return 0;
}

function report(result: Awaited<ReturnType<typeof runLoad>>, figures: Record<string, unknown>, recovery: Record<string, string>, drainMs: number, minStock: number) {
  const entries = log.entries;
  const count = <T extends string>(values: T[]) => Object.fromEntries([...new Set(values)].sort().map((v) => [v, values.filter((x) => x === v).length]));
  const errors = entries.filter((e) => e.error || (e.status !== null && e.status >= 500));
  const duration = (entries.at(-1)?.at ?? 0) / 1000;
  const ms = entries.map((e) => e.ms).sort((a, b) => a - b);
  const refusals = result.checkouts.filter((c) => c.outcome === 'refused').map((c) => c.refusal ?? '?');
  console.log('\n=== resilience figures ===');
  console.log(`requests: ${entries.length} in ${duration.toFixed(0)} s (${(entries.length / duration).toFixed(0)}/s), by kind ${JSON.stringify(count(entries.map((e) => e.kind)))}`);
  console.log(`latency: median ${ms[Math.floor(ms.length / 2)]} ms, p99 ${ms[Math.floor(ms.length * 0.99)]} ms`);
  console.log(`answers: ${JSON.stringify(count(entries.map((e) => String(e.status ?? e.error))))}`);
  console.log(`errors by kind (network or 5xx): ${errors.length} ${JSON.stringify(count(errors.map((e) => `${e.kind}:${e.error ?? e.status}`)))}`);
  console.log(`checkouts: ${result.checkouts.length} keys; created ${result.checkouts.filter((c) => c.outcome === 'created').length}, refused ${refusals.length} ${JSON.stringify(count(refusals))}, unknown ${result.checkouts.filter((c) => c.outcome === 'unknown').length}; retried keys ${result.checkouts.filter((c) => c.tries > 1).length}`);
  console.log(`orders: ${JSON.stringify(figures.orders)}`);
  console.log(`emails: ${JSON.stringify(figures.emails)}; outbox drained ${seconds(drainMs)} after the load`);
  console.log(`stock: lowest seen during the run ${minStock}; at the end ${JSON.stringify(figures.stock)}`);
  console.log(`carts: ${[...result.carts.values()].map((c) => [...c.expected.values()].reduce((a, b) => a + b, 0)).join(', ')} pieces; admin signed out: ${result.admin.signedOutSeen}×`);
  console.log('recovery:');
  for (const [what, time] of Object.entries(recovery)) console.log(`  ${what}: ${time}`);
  console.log('timeline:');
  for (const line of events) console.log(line);
}

// Never left behind: a run that hangs, or is interrupted, still stops its PostgreSQL, nginx and servers.
const abort = (why: string) => {
  console.error(`resilience: ${why}`);
  void cleanUp().finally(() => process.exit(1));
};
setTimeout(() => abort('took longer than 10 minutes; stopped'), 600_000).unref();
process.once('SIGINT', () => abort('interrupted'));
process.once('SIGTERM', () => abort('terminated'));

let code = 1;
try {
  code = await main();
} catch (error) {
  console.error(`resilience: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  for (const p of processes) if (fs.existsSync(p.logFile)) console.error(`--- ${p.name} (last lines) ---\n${fs.readFileSync(p.logFile, 'utf8').split('\n').slice(-15).join('\n')}`);
} finally {
  await cleanUp();
}
process.exit(code);
