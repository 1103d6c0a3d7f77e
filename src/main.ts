/** The composition root: config → adapters → services → web app and worker. The only place concrete adapters are wired. */
import path from 'node:path';
import pino from 'pino';
import { sql } from 'kysely';
import { openDatabase, type DatabaseTarget, type Db } from './adapters/db/kysely.js';
import { migrateToLatest } from './adapters/db/migrate.js';
import { adminUserRepo, apiTokenRepo, signInAttemptRepo } from './adapters/db/admin-repos.js';
import { databaseSessionStore } from './adapters/db/session-store.js';
import { sharedSecret } from './adapters/db/app-meta.js';
import { argon2Hasher } from './adapters/crypto/argon2-hasher.js';
import { createServices, type Services } from './services/services.js';
import type { Clock, Mailer } from './services/ports.js';
import { settingsRepo } from './adapters/db/settings-repo.js';
import { pageRepo } from './adapters/db/content-repo.js';
import { onboardingCounts } from './adapters/db/onboarding-counts.js';
import { sharpDocumentImages } from './adapters/images/document-image-processor.js';
import { categoryRepo } from './adapters/db/catalog-category-repo.js';
import { productRepo } from './adapters/db/catalog-product-repo.js';
import { fileImageStore } from './adapters/files/image-store.js';
import { DEFAULT_VAT_RATES } from './domain/catalog/product-rules.js';
import type { Config } from './config/env.js';
import { buildApp } from './http/app.js';
import { smtpMailer } from './adapters/mail/smtp-mailer.js';
import { emlFileMailer } from './adapters/mail/eml-file-mailer.js';
import { emlArchive } from './adapters/mail/eml-archive.js';
import { disposableDomainList } from './adapters/mail/disposable-domains.js';
import { kyselyTransactor, outboxRepo } from './adapters/db/outbox-repo.js';
import { mxResolver } from './adapters/dns/mx-resolver.js';
import { orderPdfAttachments } from './adapters/pdf/order-pdf-attachments.js';
import { renderOrderPdf } from './adapters/pdf/order-pdf.js';
import { customerRepo, orderRepo } from './adapters/db/orders-repo.js';
import { orderPanelRepo } from './adapters/db/order-panel-repo.js';
import { cartRepo } from './adapters/db/cart-repo.js';
import { accountRepo } from './adapters/db/account-repo.js';
import { customersRepo } from './adapters/db/customers-repo.js';
import { statsRepo } from './adapters/db/stats-repo.js';
import { exportRepo } from './adapters/db/export-repo.js';
import { outboxJob } from './jobs/outbox-job.js';
import { mailTransportInfo } from './http/admin/settings/settings-deps.js';
import { housekeepingJobs, startWorker } from './jobs/worker.js';

export type Core = { config: Config; db: Db; services: Services; clock: Clock; close(): Promise<void> };

export const systemClock: Clock = { now: () => new Date() };

export function openCore(config: Config, options: { database?: DatabaseTarget; clock?: Clock; mailer?: Mailer; ports?: Partial<Parameters<typeof createServices>[0]> } = {}): Core {
  const db = openDatabase(options.database ?? config.database);
  const clock = options.clock ?? systemClock;
  const mailer = options.mailer ?? mailerFor(config);
  const services = createServices({
    clock,
    hasher: argon2Hasher(),
    adminUsers: adminUserRepo(db),
    signInAttempts: signInAttemptRepo(db),
    apiTokens: apiTokenRepo(db),
    settings: settingsRepo(db),
    documentImages: sharpDocumentImages(),
    onboardingCounts: onboardingCounts(db),
    mailer,
    publicUrl: config.publicUrl,
    pages: pageRepo(db),
    categories: categoryRepo(db),
    products: productRepo(db),
    images: fileImageStore(config.dataDir),
    catalogOptions: { vatRates: DEFAULT_VAT_RATES, maxImageBytes: 10 * 1024 * 1024 },
    outbox: outboxRepo(db),
    transactor: kyselyTransactor(db),
    // The worker renders an order's PDF when it sends the email, from the order and today's Configuration.
    attachments: orderPdfAttachments((number) => services.orderDocument(number)),
    orders: orderRepo(db),
    customers: customerRepo(db),
    orderPanel: orderPanelRepo(db),
    carts: cartRepo(db),
    accounts: accountRepo(db),
    customersPanel: customersRepo(db),
    stats: statsRepo(db),
    exportsRepo: exportRepo(db),
    emailDomains: mxResolver({ timeoutMs: 2000 }),
    disposableDomains: disposableDomainList(),
    mailArchive: emlArchive(path.join(config.dataDir, 'mail')),
    ...options.ports, // tests swap in their own (a loopback DNS server, fixture documents)
  });
  const close = async () => {
    (mailer as { close?: () => void }).close?.();
    await db.destroy();
  };
  return { config, db, services, clock, close };
}

/** SMTP when SMTP_URL is set; otherwise every email becomes an .eml file in DATA_DIR/mail (CONTRACT.md). */
function mailerFor(config: Config): Mailer {
  return config.smtpUrl ? smtpMailer(config.smtpUrl) : emlFileMailer(path.join(config.dataDir, 'mail'));
}

/** Everything `kramek serve` does before listening: migrations, the first owner, the web app. */
export async function prepareServer(core: Core) {
  await migrateToLatest(core.db);
  const owner = await core.services.ensureOwner({ email: core.config.adminEmail, password: core.config.adminPassword });
  // An empty shop gets the demo catalogue (SEED_DEMO=0 keeps it empty).
  if (core.config.seedDemo && (await core.services.catalogIsEmpty())) await core.services.seedDemoShop();
  const app = await buildApp({
    services: core.services,
    checkDatabase: async () => void (await sql`select 1`.execute(core.db)),
    sessionSecret: await sharedSecret(core.db, 'session_secret'),
    sessionStore: databaseSessionStore(core.db),
    logLevel: core.config.logLevel,
    mail: mailTransportInfo(core.config.smtpUrl, core.config.dataDir),
    publicUrl: core.config.publicUrl,
    renderOrderPdf,
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
  const worker = options.worker ? startWorker([...housekeepingJobs(core.db, core.clock), outboxJob(core.services)], app.log) : null;
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
  const worker = startWorker([...housekeepingJobs(core.db, core.clock), outboxJob(core.services)], log);
  const shutdown = async () => {
    await worker.stop();
    await core.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown());
  process.once('SIGINT', () => void shutdown());
}
