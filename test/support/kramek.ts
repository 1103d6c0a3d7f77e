/** Starts Kramek in-process for a test: a fresh database, migrations, the first owner, the app ready for inject(). */
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from '../../src/config/env.js';
import { openCore, prepareServer, type Core } from '../../src/main.js';
import type { Clock, EmailDomainResolver } from '../../src/services/ports.js';
import type { QueryLog } from '../../src/adapters/db/kysely.js';
import type { Dialect, TestDatabase } from './databases.js';

export const OWNER = { email: 'majitel@example.cz', password: 'tajne-heslo-123' };

export type TestKramek = { core: Core; app: FastifyInstance; config: Config; database: TestDatabase; close(): Promise<void> };

/** Every email domain receives mail unless a test says otherwise: no test depends on the machine's DNS. */
export const EVERY_DOMAIN_RECEIVES_MAIL: EmailDomainResolver = { check: async () => 'mail' };

type Ports = NonNullable<Parameters<typeof openCore>[1]>['ports'];

export async function startKramek(dialect: Dialect, options: { clock?: Clock; database?: TestDatabase; env?: Record<string, string>; queryLog?: QueryLog; ports?: Ports } = {}): Promise<TestKramek> {
  const database = options.database ?? (await dialect.create());
  const config = loadConfig({ DATA_DIR: database.dataDir, ADMIN_EMAIL: OWNER.email, ADMIN_PASSWORD: OWNER.password, LOG_LEVEL: 'silent', SEED_DEMO: '0', ...options.env });
  const core = openCore(config, { database: database.target, clock: options.clock, queryLog: options.queryLog, ports: { emailDomains: EVERY_DOMAIN_RECEIVES_MAIL, ...options.ports } });
  const { app } = await prepareServer(core);
  await app.ready();
  return {
    core,
    app,
    config,
    database,
    async close() {
      await app.close();
      await core.close();
      if (!options.database) await database.drop();
    },
  };
}
