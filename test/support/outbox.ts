/** Kramek's core for outbox tests: a fresh migrated database, a clock the test moves, fixture order documents as attachments. */
import { loadConfig } from '../../src/config/env.js';
import { openCore, type Core } from '../../src/main.js';
import { migrateToLatest } from '../../src/adapters/db/migrate.js';
import { orderPdfAttachments } from '../../src/adapters/pdf/order-pdf-attachments.js';
import type { Clock } from '../../src/services/ports.js';
import type { Dialect, TestDatabase } from './databases.js';
import { fixtureDocument } from '../fixtures/order-document.js';

export class TestClock implements Clock {
  constructor(public current = new Date('2026-11-26T13:00:00.000Z')) {}
  now = () => new Date(this.current);
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export type OutboxKramek = { core: Core; clock: TestClock; database: TestDatabase; close(): Promise<void> };

/** Attachments render the fixture document under the order number asked for (`404…` numbers do not exist). */
export const fixtureAttachments = orderPdfAttachments(async (number) => (number.startsWith('404') ? null : fixtureDocument({ number })));

export async function startOutboxKramek(dialect: Dialect, env: Record<string, string> = {}, database?: TestDatabase): Promise<OutboxKramek> {
  const db = database ?? (await dialect.create());
  const clock = new TestClock();
  const config = loadConfig({ DATA_DIR: db.dataDir, LOG_LEVEL: 'silent', SEED_DEMO: '0', PUBLIC_URL: 'https://obchod.example.cz', ...env });
  const core = openCore(config, { database: db.target, clock, ports: { attachments: fixtureAttachments } });
  await migrateToLatest(core.db);
  return {
    core,
    clock,
    database: db,
    async close() {
      await core.close();
      if (!database) await db.drop();
    },
  };
}

export const orderEmail = (number = '2026000001', overrides: Record<string, unknown> = {}) => ({
  kind: 'order_accepted' as const,
  orderId: 1,
  to: '"Jana Nováková" <jana@example.cz>',
  from: '"Čajovna U Dvou Koček" <obchod@example.cz>',
  subject: `Objednávka ${number} byla přijata`,
  text: `Dobrý den,\nděkujeme za objednávku ${number}.`,
  html: `<p>Dobrý den,</p><p>děkujeme za objednávku <strong>${number}</strong>.</p>`,
  attachments: [{ kind: 'order_pdf' as const, orderNumber: number, filename: `objednavka-${number}.pdf` }],
  ...overrides,
});
