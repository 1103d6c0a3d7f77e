/** Two app servers starting at the same moment on an empty database: both come up; one owner, one demo shop. */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { sql } from 'kysely';
import { DIALECTS, postgresUrlWithSchema, type TestDatabase } from './support/databases.js';
import { freePort } from './support/smtp.js';
import { openDatabase } from '../src/adapters/db/kysely.js';

function startServer(database: TestDatabase, port: number): { child: ChildProcess; output: { text: string } } {
  const target = database.target;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--no-worker'], {
    env: {
      PATH: process.env.PATH ?? '',
      DATA_DIR: database.dataDir,
      ...(target.kind === 'postgres' ? { DATABASE_URL: postgresUrlWithSchema(target) } : {}),
      PORT: String(port),
      SEED_DEMO: '1',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = { text: '' };
  child.stdout!.on('data', (chunk: Buffer) => (output.text += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output.text += chunk.toString()));
  return { child, output };
}

const exitOf = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

for (const dialect of DIALECTS) {
  describe(`two servers starting together on an empty ${dialect.name} database`, () => {
    const children: ChildProcess[] = [];
    let database: TestDatabase;
    after(async () => {
      for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await Promise.all(children.map(exitOf));
      await database?.drop();
    });

    test('both serve; the owner is created once and the demo shop seeded once', { timeout: 120_000 }, async () => {
      database = await dialect.create();
      const servers = [startServer(database, await freePort()), startServer(database, await freePort())];
      children.push(...servers.map((s) => s.child));
      const end = Date.now() + 90_000;
      while (!servers.every((s) => s.output.text.includes('Kramek is running'))) {
        for (const s of servers) assert.equal(s.child.exitCode, null, `a server stopped: ${s.output.text}`);
        assert.ok(Date.now() < end, servers.map((s) => s.output.text).join('\n---\n'));
        await new Promise((r) => setTimeout(r, 50));
      }
      const announced = servers.filter((s) => s.output.text.includes('Owner account created'));
      assert.equal(announced.length, 1, 'exactly one server created the owner and printed its password');

      const db = openDatabase(database.target);
      try {
        const count = async (table: 'admin_users' | 'products' | 'categories') => Number((await db.selectFrom(table).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
        const distinct = async (table: 'products' | 'categories') => Number((await db.selectFrom(table).select(sql<number>`count(distinct name)`.as('n')).executeTakeFirstOrThrow()).n);
        assert.equal(await count('admin_users'), 1);
        assert.ok((await count('products')) > 0, 'the demo catalogue is there');
        assert.equal(await count('products'), await distinct('products'), 'no product twice');
        assert.equal(await count('categories'), await distinct('categories'), 'no category twice');
      } finally {
        await db.destroy();
      }
      for (const s of servers) s.child.kill('SIGTERM');
      await Promise.all(servers.map((s) => exitOf(s.child)));
      for (const s of servers) assert.equal(s.child.exitCode, 0, s.output.text);
    });
  });
}
