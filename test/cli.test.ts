import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { DIALECTS, postgresUrlWithSchema } from './support/databases.js';
import { openDatabase } from '../src/adapters/db/kysely.js';

function kramek(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...env },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('kramek CLI', () => {
  test('--help lists every command of the contract', () => {
    const { code, stdout } = kramek(['--help']);
    assert.equal(code, 0);
    for (const command of ['serve', 'worker', 'migrate', 'seed', 'admin', 'token', 'export']) assert.match(stdout, new RegExp(`\\b${command}\\b`));
    assert.match(kramek(['serve', '--help']).stdout, /--no-worker/);
    assert.match(kramek(['export', 'orders', '--help']).stdout, /--format <format>/);
  });

  const badValues: [string, string][] = [
    ['PORT', 'abc'],
    ['PORT', '99999'],
    ['DATABASE_URL', 'mysql://root@localhost/shop'],
  ];
  for (const [variable, value] of badValues) {
    test(`serve with ${variable}=${value} exits non-zero with one line naming ${variable}`, () => {
      const { code, stderr, stdout } = kramek(['serve'], { [variable]: value, DATA_DIR: '/tmp/kramek-never-used' });
      assert.notEqual(code, 0);
      assert.equal(stdout, '');
      const lines = stderr.trim().split('\n');
      assert.equal(lines.length, 1, stderr);
      assert.match(lines[0]!, new RegExp(`^kramek: ${variable} `));
    });
  }

  for (const dialect of DIALECTS) {
    test(`migrate, admin create and token create on ${dialect.name}`, async () => {
      const database = await dialect.create();
      const env = { DATA_DIR: database.dataDir, ...(database.target.kind === 'postgres' ? { DATABASE_URL: postgresUrlWithSchema(database.target) } : {}) };
      try {
        const migrate = kramek(['migrate'], env);
        assert.equal(migrate.code, 0, migrate.stderr);
        assert.match(migrate.stdout, /0001-admin/);
        assert.match(kramek(['migrate'], env).stdout, /up to date/);

        const created = kramek(['admin', 'create', '--email', 'Pavla@Example.cz', '--password', 'dlouhe-heslo-1', '--role', 'staff'], env);
        assert.equal(created.code, 0, created.stderr);
        const weak = kramek(['admin', 'create', '--email', 'x@example.cz', '--password', 'kratke'], env);
        assert.equal(weak.code, 1);
        assert.match(weak.stderr, /password/);
        assert.equal(kramek(['admin', 'create', '--email', 'pavla@example.cz', '--password', 'dlouhe-heslo-2'], env).code, 1, 'duplicate email');

        const seed = kramek(['seed', '--demo'], env);
        assert.equal(seed.code, 0, seed.stderr);
        assert.match(seed.stdout, /Demo shop: 7 categories, 32 products, 6 content pages, shop details added/);
        const again = kramek(['seed', '--demo'], env);
        assert.equal(again.code, 0, again.stderr);
        assert.match(again.stdout, /nothing was added/, 'idempotent');

        const token = kramek(['token', 'create', '--name', 'Pohoda'], env);
        assert.equal(token.code, 0, token.stderr);
        assert.match(token.stdout, /^kmk_[\w-]{43}\n$/, 'only the token on stdout');

        const db = openDatabase(database.target);
        try {
          const users = await db.selectFrom('admin_users').select(['email', 'role']).execute();
          assert.deepEqual(users, [{ email: 'pavla@example.cz', role: 'staff' }]);
          assert.equal((await db.selectFrom('api_tokens').selectAll().execute()).length, 1);
        } finally {
          await db.destroy();
        }
      } finally {
        await database.drop();
      }
    });
  }
});
