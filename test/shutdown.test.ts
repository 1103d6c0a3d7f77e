/** Graceful shutdown: on SIGTERM a server stops accepting, finishes the requests in flight and exits 0; a worker hands back its claims. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { spawn, type ChildProcess } from 'node:child_process';
import { DIALECTS, postgresUrlWithSchema, type TestDatabase } from './support/databases.js';
import { freePort, TestSmtp } from './support/smtp.js';
import { orderEmail, startOutboxKramek, type OutboxKramek } from './support/outbox.js';

function kramekProcess(args: string[], database: TestDatabase, env: Record<string, string>): ChildProcess {
  const target = database.target;
  return spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    env: {
      PATH: process.env.PATH ?? '',
      DATA_DIR: database.dataDir,
      ...(target.kind === 'postgres' ? { DATABASE_URL: postgresUrlWithSchema(target) } : {}),
      SEED_DEMO: '0',
      ADMIN_PASSWORD: 'tajne-heslo-123',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

const exitOf = (child: ChildProcess) =>
  new Promise<number | string>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode ?? child.signalCode!);
    child.once('exit', (code, signal) => resolve(code ?? signal!));
  });

function outputOf(child: ChildProcess): { text: string } {
  const output = { text: '' };
  child.stdout!.on('data', (chunk: Buffer) => (output.text += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output.text += chunk.toString()));
  return output;
}

async function until(check: () => boolean, what: string, timeoutMs = 30_000) {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A raw HTTP/1.1 connection: the test decides when each byte goes out, so a request can be left half-sent. */
async function rawConnection(port: number) {
  const socket = net.connect(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  let received = '';
  socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
  socket.on('error', () => {});
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  return { socket, closed, response: () => received };
}

for (const dialect of DIALECTS) {
  describe(`graceful shutdown on ${dialect.name}`, () => {
    let kramek: OutboxKramek;
    let smtp: TestSmtp;
    const children: ChildProcess[] = [];
    before(async () => {
      smtp = await new TestSmtp().start(await freePort());
      kramek = await startOutboxKramek(dialect, { SMTP_URL: smtp.url });
    });
    after(async () => {
      for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await Promise.all(children.map(exitOf));
      await kramek.close();
      await smtp.stop();
    });

    test('SIGTERM: requests in flight complete, readiness says 503, new connections are refused, exit 0', { timeout: 90_000 }, async () => {
      const port = await freePort();
      const server = kramekProcess(['serve', '--no-worker'], kramek.database, { PORT: String(port) });
      children.push(server);
      const output = outputOf(server);
      await until(() => output.text.includes('Kramek is running'), 'the server to listen');

      // An order whose body is still arriving, and a readiness check whose headers are not finished yet.
      const body = JSON.stringify({ items: [{ sku: 'NONE-1', quantity: 1 }] });
      const order = await rawConnection(port);
      order.socket.write(`POST /api/store/orders HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nX-Request-Id: slow-order-1\r\n\r\n${body.slice(0, 10)}`);
      const ready = await rawConnection(port);
      ready.socket.write('GET /ready HTTP/1.1\r\nHost: 127.0.0.1\r\n');
      await new Promise((r) => setTimeout(r, 300));

      server.kill('SIGTERM');
      await until(() => output.text.includes('shutting down'), 'the shutdown to begin');
      await new Promise((r) => setTimeout(r, 300));
      await assert.rejects(rawConnection(port), /ECONNREFUSED/, 'a stopping server takes no new connections');
      assert.equal(server.exitCode, null, 'the server waits for the requests in flight');

      order.socket.write(body.slice(10));
      ready.socket.write('\r\n');
      await Promise.all([order.closed, ready.closed]);
      // The order request got its real answer (an unknown SKU is refused with 422), with the request id echoed.
      assert.match(order.response(), /^HTTP\/1\.1 422 /);
      assert.match(order.response(), /x-request-id: slow-order-1/i);
      assert.match(ready.response(), /^HTTP\/1\.1 503 /);
      assert.equal(await exitOf(server), 0, output.text);
      // Structured log lines carry the request id.
      const lines = output.text.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { reqId?: string; msg?: string });
      assert.ok(lines.some((l) => l.reqId === 'slow-order-1' && l.msg === 'request completed'), output.text);
      assert.ok(lines.some((l) => l.msg === 'stopped'));
    });

    test('SIGTERM: a worker stuck sending hands its claimed email back and exits 0; the next worker sends it once', { timeout: 90_000 }, async () => {
      const queued = await kramek.core.services.queueEmail(null, orderEmail('2026000091', { kind: 'customer_message', attachments: [] }));
      let release!: () => void;
      const answer = new Promise<void>((resolve) => (release = resolve));
      let reached = false;
      smtp.onData = async () => {
        reached = true;
        await answer; // the server does not answer while the first worker stops
        throw new Error('451 try again later');
      };
      const first = kramekProcess(['worker'], kramek.database, { SMTP_URL: smtp.url, PUBLIC_URL: 'https://obchod.example.cz' });
      children.push(first);
      const output = outputOf(first);
      await until(() => reached, 'the worker to reach DATA');
      assert.equal((await kramek.core.services.findOutboxEmail(queued.id))!.status, 'sending');

      first.kill('SIGTERM');
      assert.equal(await exitOf(first), 0, output.text);
      const row = (await kramek.core.services.findOutboxEmail(queued.id))!;
      assert.deepEqual([row.status, row.claimedBy, row.claimedUntil], ['queued', null, null], 'the claim was handed back, not left to expire');
      assert.ok(new Date(row.nextAttemptAt).getTime() <= Date.now(), 'due again at once');
      release();

      smtp.onData = null;
      const second = kramekProcess(['worker'], kramek.database, { SMTP_URL: smtp.url, PUBLIC_URL: 'https://obchod.example.cz' });
      children.push(second);
      await smtp.waitFor(1, 30_000);
      second.kill('SIGTERM');
      assert.equal(await exitOf(second), 0);
      assert.equal((await kramek.core.services.findOutboxEmail(queued.id))!.status, 'sent');
      assert.deepEqual(smtp.messageIds(), [queued.messageId]);
    });
  });
}
