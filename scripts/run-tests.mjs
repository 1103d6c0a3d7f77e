// Runs every *.test.ts(x) under src/ and test/ with node's test runner (Node 20's --test has no globs).
// Fails when it finds no test file, so a broken pattern can never pass as "green".
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import pg from 'pg';

function findTests(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...findTests(path));
    else if (/\.test\.tsx?$/.test(name)) found.push(path);
  }
  return found;
}

const only = process.argv.slice(2);
const files = only.length > 0 ? only : [...findTests('src'), ...findTests('test')].sort();
if (files.length === 0) {
  console.error('run-tests: no test files found');
  process.exit(1);
}
console.log(`run-tests: ${files.length} test files`);

const env = { ...process.env, TEST_DATABASE_URL: process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test' };

// Every PostgreSQL test works in a schema of its own, t_<run>_<random>; this run's are dropped after it, when no test is
// reading the catalog, and before it those a run left behind hours ago (it crashed). Runs going on at the same time
// against the same server (two checkouts on one machine) keep theirs.
const run = Date.now().toString(36);
env.TEST_RUN = run;
const STALE_MS = 3 * 3600 * 1000;

async function dropTestSchemas(which) {
  const client = new pg.Client({ connectionString: env.TEST_DATABASE_URL });
  try {
    await client.connect();
    const { rows } = await client.query("select nspname from pg_namespace where nspname like 't\\_%'");
    for (const { nspname } of rows) {
      const started = /^t_([0-9a-z]+)_[0-9a-f]+$/.exec(nspname)?.[1];
      const drop = started !== undefined && (which === 'own' ? started === run : Date.now() - parseInt(started, 36) > STALE_MS);
      if (drop) await client.query(`drop schema if exists "${nspname}" cascade`);
    }
  } catch (error) {
    console.error(`run-tests: PostgreSQL at ${env.TEST_DATABASE_URL} is not usable: ${error.message}`);
    process.exit(1);
  } finally {
    await client.end().catch(() => {});
  }
}

await dropTestSchemas('stale');
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files], { stdio: 'inherit', env });
await dropTestSchemas('own');
process.exit(result.status ?? 1);
