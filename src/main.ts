/** The composition root: config → adapters → services → web app and worker. The only place concrete adapters are wired. */
import pino from 'pino';
import { sql } from 'kysely';
import { openDatabase, type DatabaseTarget, type Db } from './adapters/db/kysely.js';
import { migrateToLatest } from './adapters/db/migrate.js';
import { adminUserRepo, apiTokenRepo, signInAttemptRepo } from './adapters/db/admin-repos.js';
import { databaseSessionStore } from './adapters/db/session-store.js';
import { sharedSecret } from './adapters/db/app-meta.js';
import { argon2Hasher } from './adapters/crypto/argon2-hasher.js';
import { createServices, type Services } from './services/services.js';
import type { Clock } from './services/ports.js';
import type { Config } from './config/env.js';
import { buildApp } from './http/app.js';
import { housekeepingJobs, startWorker } from './jobs/worker.js';

export type Core = { config: Config; db: Db; services: Services; clock: Clock; close(): Promise<void> };

export const systemClock: Clock = { now: () => new Date() };

export function openCore(config: Config, options: { database?: DatabaseTarget; clock?: Clock } = {}): Core {
  const db = openDatabase(options.database ?? config.database);
  const clock = options.clock ?? systemClock;
  const services = createServices({
    clock,
    hasher: argon2Hasher(),
    adminUsers: adminUserRepo(db),
    signInAttempts: signInAttemptRepo(db),
    apiTokens: apiTokenRepo(db),
  });
  return { config, db, services, clock, close: () => db.destroy() };
}

/** Everything `kramek serve` does before listening: migrations, the first owner, the web app. */
export async function prepareServer(core: Core) {
  await migrateToLatest(core.db);
  const owner = await core.services.ensureOwner({ email: core.config.adminEmail, password: core.config.adminPassword });
  const app = await buildApp({
    services: core.services,
    checkDatabase: async () => void (await sql`select 1`.execute(core.db)),
    sessionSecret: await sharedSecret(core.db, 'session_secret'),
    sessionStore: databaseSessionStore(core.db),
    logLevel: core.config.logLevel,
  });
  return { app, owner };
}

export async function serve(config: Config, options: { worker: boolean }): Promise<void> {
  const core = openCore(config);
  const { app, owner } = await prepareServer(core);
  if (owner?.generatedPassword) {
    // Printed once, on the console only: the password is stored nowhere in plain text.
    console.log(`Owner account created: ${owner.email} / password: ${owner.generatedPassword} (change it after signing in)`);
  }
  const worker = options.worker ? startWorker(housekeepingJobs(core.db, core.clock), app.log) : null;
  await app.listen({ host: config.host, port: config.port });
  console.log(`Kramek is running: shop ${config.publicUrl}/  admin ${config.publicUrl}/admin`);

  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await app.close(); // stops accepting, lets requests in flight finish
    await worker?.stop();
    await core.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

export async function runWorker(config: Config): Promise<void> {
  const core = openCore(config);
  await migrateToLatest(core.db);
  const log = pino({ level: config.logLevel });
  const worker = startWorker(housekeepingJobs(core.db, core.clock), log);
  const shutdown = async () => {
    await worker.stop();
    await core.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown());
  process.once('SIGINT', () => void shutdown());
}
