/** The databases every database test runs against: a fresh SQLite file and a fresh PostgreSQL schema each time. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DatabaseTarget } from '../../src/adapters/db/kysely.js';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

export type TestDatabase = { target: DatabaseTarget; dataDir: string; drop(): Promise<void> };
export type Dialect = { name: 'sqlite' | 'postgres'; create(): Promise<TestDatabase> };

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'kramek-test-'));
}

const sqlite: Dialect = {
  name: 'sqlite',
  async create() {
    const dataDir = tempDir();
    return {
      target: { kind: 'sqlite', file: path.join(dataDir, 'kramek.sqlite') },
      dataDir,
      drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  },
};

const postgres: Dialect = {
  name: 'postgres',
  async create() {
    // t_<run>_<random>: the run (a base-36 start time set by scripts/run-tests.mjs) lets a run drop its own schemas
    // and never those of another run going on against the same server.
    const schema = `t_${process.env.TEST_RUN ?? Date.now().toString(36)}_${randomBytes(6).toString('hex')}`;
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    await client.query(`create schema ${schema}`);
    await client.end();
    const dataDir = tempDir();
    return {
      target: { kind: 'postgres', url: TEST_DATABASE_URL, searchPath: schema },
      dataDir,
      // The schema stays until the test run ends (scripts/run-tests.mjs drops the run's schemas): dropping one while other
      // test files introspect the catalog makes their queries fail now and then.
      async drop() {
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  },
};

/** Both databases, always: a suite written once runs on each (as Kysely tests its dialects). */
export const DIALECTS: readonly Dialect[] = [sqlite, postgres];

/** The PostgreSQL URL for a separate process, with the schema chosen through the connection options. */
export function postgresUrlWithSchema(target: DatabaseTarget): string {
  if (target.kind !== 'postgres') throw new Error('not a PostgreSQL target');
  const url = new URL(target.url);
  url.searchParams.set('options', `-c search_path=${target.searchPath}`);
  return url.toString();
}
