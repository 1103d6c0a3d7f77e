import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ConfigError, loadConfig } from './env.js';

test('defaults follow the contract: SQLite in ./data, 127.0.0.1:3000, demo seeded', () => {
  const config = loadConfig({});
  assert.equal(config.port, 3000);
  assert.equal(config.host, '127.0.0.1');
  assert.equal(config.dataDir, path.resolve('./data'));
  assert.deepEqual(config.database, { kind: 'sqlite', file: path.resolve('./data/kramek.sqlite') });
  assert.equal(config.publicUrl, 'http://127.0.0.1:3000');
  assert.equal(config.seedDemo, true);
  assert.equal(config.adminEmail, 'admin@example.com');
  assert.equal(config.adminPassword, null);
  assert.equal(config.smtpUrl, null);
  assert.ok(Object.isFrozen(config));
});

test('a postgres:// DATABASE_URL selects PostgreSQL', () => {
  assert.deepEqual(loadConfig({ DATABASE_URL: 'postgres://u@db:5432/shop' }).database, { kind: 'postgres', url: 'postgres://u@db:5432/shop' });
  assert.equal(loadConfig({ DATABASE_URL: 'postgresql://u@db/shop' }).database.kind, 'postgres');
});

test('PUBLIC_URL loses its trailing slash; SEED_DEMO=0 turns the demo off', () => {
  const config = loadConfig({ PUBLIC_URL: 'https://obchod.example.cz/', SEED_DEMO: '0', PORT: '8080' });
  assert.equal(config.publicUrl, 'https://obchod.example.cz');
  assert.equal(config.seedDemo, false);
  assert.equal(config.port, 8080);
});

const BAD: [string, string][] = [
  ['PORT', 'abc'],
  ['PORT', '70000'],
  ['PORT', '-1'],
  ['DATABASE_URL', 'mysql://root@localhost/shop'],
  ['DATABASE_URL', 'not a url'],
  ['PUBLIC_URL', 'obchod.example.cz'],
  ['SMTP_URL', 'http://mail.example.cz'],
  ['SEED_DEMO', 'yes'],
  ['ADMIN_EMAIL', 'not-an-email'],
  ['ADMIN_PASSWORD', 'short'],
  ['LOG_LEVEL', 'loud'],
];

for (const [variable, value] of BAD) {
  test(`${variable}=${value} is refused with a message naming ${variable}`, () => {
    assert.throws(
      () => loadConfig({ [variable]: value }),
      (error: unknown) => error instanceof ConfigError && error.variable === variable && error.message.startsWith(`${variable} `) && !error.message.includes('\n'),
    );
  });
}
