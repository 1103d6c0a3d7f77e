/** The composition root: config → adapters → services → web app and worker. The only place concrete adapters are wired. */
import path from 'node:path';
import pino from 'pino';
import { sql } from 'kysely';
import { openDatabase, type DatabaseTarget, type Db, type QueryLog } from './adapters/db/kysely.js';
import { migrateToLatest, pendingMigrations } from './adapters/db/migrate.js';
import { withStartupLock } from './adapters/db/startup-lock.js';
import { isConnectionLoss } from './adapters/db/connection-retry.js';
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
import { feedFiles } from './adapters/files/feed-files.js';
import { DEFAULT_VAT_RATES } from './domain/catalog/product-rules.js';
import type { Config } from './config/env.js';
import { buildApp } from './http/app.js';
import { smtpMailer } from './adapters/mail/smtp-mailer.js';
import { emlFileMailer } from './adapters/mail/eml-file-mailer.js';
import { emlArchive } from './adapters/mail/eml-archive.js';
import { disposableDomainList } from './adapters/mail/disposable-domains.js';
import { kyselyTransactor, onEmailsQueued, outboxRepo, releaseOutboxClaims } from './adapters/db/outbox-repo.js';
import { mxResolver } from './adapters/dns/mx-resolver.js';
import { orderPdfAttachments } from './adapters/pdf/order-pdf-attachments.js';
import { renderInvoicePdf, renderOrderPdf } from './adapters/pdf/render-on-demand.js';
import { withQrImages } from './adapters/qr/qr-png.js';
import { documentAttachments } from './adapters/pdf/document-attachments.js';
import { invoiceRepo } from './adapters/db/invoice-repo.js';
import { customerRepo, orderRepo } from './adapters/db/orders-repo.js';
import { orderPanelRepo } from './adapters/db/order-panel-repo.js';
import { cartRepo } from './adapters/db/cart-repo.js';
import { accountRepo } from './adapters/db/account-repo.js';
import { customersRepo } from './adapters/db/customers-repo.js';
import { statsRepo } from './adapters/db/stats-repo.js';
import { exportRepo } from './adapters/db/export-repo.js';
import { pickupPointRepo } from './adapters/db/pickup-point-repo.js';
import { shipmentRepo } from './adapters/db/shipment-repo.js';
import { packetaGateway } from './adapters/carriers/packeta-gateway.js';
import { carrierJobs } from './jobs/carrier-jobs.js';
import { discountRepo } from './adapters/db/discount-repo.js';
import { callOutboxRepo } from './adapters/db/call-outbox-repo.js';
import { fetchJsonPoster } from './adapters/http/json-poster.js';
import { HEUREKA_VERIFIED_URL } from './services/marketing/verified-reviews.js';
import { callOutboxJob } from './jobs/call-outbox-job.js';
import { outboxJob, workerName } from './jobs/outbox-job.js';
import { mailTransportInfo } from './http/admin/settings/settings-deps.js';
import { housekeepingJobs, startWorker } from './jobs/worker.js';
import { paymentRepo } from './adapters/db/payments-repo.js';
import { cardGateways, COMGATE_URL } from './adapters/payments/card-gateways.js';
import { fioHttpApi } from './adapters/payments/fio-api.js';
import { paymentJobs } from './jobs/payment-jobs.js';

export type Core = { config: Config; db: Db; services: Services; clock: Clock; close(): Promise<void> };

export const systemClock: Clock = { now: () => new Date() };

export function openCore(
  config: Config,
  options: { database?: DatabaseTarget; clock?: Clock; mailer?: Mailer; queryLog?: QueryLog; ports?: Partial<Parameters<typeof createServices>[0]> } = {},
): Core {
  const db = openDatabase(options.database ?? config.database, { log: options.queryLog });
  const clock = options.clock ?? systemClock;
  const mailer = options.mailer ?? mailerFor(config);
  // With no Packeta password in Configuration the demo carrier (a fake Packeta in this process) stands in.
  const carriers = packetaGateway({ demo: config.carrierDemo });
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
    feeds: feedFiles(config.dataDir),
    catalogOptions: { vatRates: DEFAULT_VAT_RATES, maxImageBytes: 10 * 1024 * 1024 },
    outbox: outboxRepo(db),
    transactor: kyselyTransactor(db),
    // The worker renders an order's PDF when it sends the email, from the order and today's Configuration.
    attachments: withQrImages(
      documentAttachments(
        orderPdfAttachments((number) => services.orderDocument(number)),
        (id) => services.invoiceDocument(id),
      ),
    ),
    orders: orderRepo(db),
    customers: customerRepo(db),
    orderPanel: orderPanelRepo(db),
    invoices: invoiceRepo(db),
    carts: cartRepo(db),
    accounts: accountRepo(db),
    customersPanel: customersRepo(db),
    stats: statsRepo(db),
    exportsRepo: exportRepo(db),
    discounts: discountRepo(db),
    calls: callOutboxRepo(db),
    poster: fetchJsonPoster(),
    heurekaVerifiedUrl: HEUREKA_VERIFIED_URL,
    emailDomains: mxResolver({ timeoutMs: 2000 }),
    disposableDomains: disposableDomainList(),
    mailArchive: emlArchive(path.join(config.dataDir, 'mail')),
    pickupPoints: pickupPointRepo(db),
    shipments: shipmentRepo(db),
    carriers,
    payments: paymentRepo(db),
    fio: fioHttpApi({ baseUrl: 'https://fioapi.fio.cz/v1/rest', timeoutMs: 20_000 }),
    cardGateways: cardGateways({ comgateUrl: COMGATE_URL, publicUrl: config.publicUrl, timeoutMs: 10_000 }),
    ...options.ports, // tests swap in their own (a loopback DNS server, fixture documents)
  });
  const close = async () => {
    (mailer as { close?: () => void }).close?.();
    await carriers.close();
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
  // Several servers starting together on an empty database: one at a time migrates, creates the owner and seeds.
  const owner = await withStartupLock(core.db, async () => {
    await migrateToLatest(core.db);
    const created = await core.services.ensureOwner({ email: core.config.adminEmail, password: core.config.adminPassword });
    // An empty shop gets the demo catalogue (SEED_DEMO=0 keeps it empty).
    if (core.config.seedDemo && (await core.services.catalogIsEmpty())) await core.services.seedDemoShop();
    return created;
  });
  let schemaCurrent = false;
  const app = await buildApp({
    services: core.services,
    checkDatabase: async () => {
      await sql`select 1`.execute(core.db);
      // Once current, a running server's schema stays current (a newer version migrates forward, never back).
      if (!schemaCurrent && (await pendingMigrations(core.db)).length > 0) throw new Error('migrations pending');
      schemaCurrent = true;
    },
    sessionSecret: await sharedSecret(core.db, 'session_secret'),
    sessionStore: databaseSessionStore(core.db),
    logLevel: core.config.logLevel,
    mail: mailTransportInfo(core.config.smtpUrl, core.config.dataDir),
    publicUrl: core.config.publicUrl,
    renderOrderPdf,
    renderInvoicePdf,
    isDatabaseUnavailable: isConnectionLoss,
  });
  return { app, owner };
}

/** How long requests in flight (and emails being sent) may take to finish after SIGTERM before they are cut off. */
const SHUTDOWN_GRACE_MS = 10_000;

type Log = { info(obj: object, msg?: string): void; warn(obj: object, msg?: string): void; error(obj: object, msg?: string): void };

/** The background jobs with this process's outbox worker name, and a stop that hands back its unsent claims. */
function startBackgroundWorker(core: Core, log: Log) {
  const name = workerName();
  const worker = startWorker([...housekeepingJobs(core.db, core.clock), ...carrierJobs(core.services), ...paymentJobs(core.services), outboxJob(core.services, { worker: name, wakeOn: (wake) => onEmailsQueued(core.db, wake) }), callOutboxJob(core.services, { worker: name })], log);
  return {
    async stop() {
      await withinGrace(worker.stop(), log, 'background jobs');
      const released = await releaseOutboxClaims(core.db, name, core.clock.now());
      if (released > 0) log.info({ released }, 'unsent outbox emails handed back');
    },
  };
}

/** Resolves when `work` does or when the grace period ends (then `onTimeout` cuts it short), whichever is first. */
async function withinGrace(work: Promise<unknown>, log: Log, what: string, onTimeout?: () => void): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), SHUTDOWN_GRACE_MS)));
  const outcome = await Promise.race([work.then(() => 'done' as const), late]);
  clearTimeout(timer);
  if (outcome === 'late') {
    log.warn({ what, graceMs: SHUTDOWN_GRACE_MS }, 'shutdown grace period over; cutting short');
    onTimeout?.();
  }
}

/** SIGTERM/SIGINT run `stop` once and exit 0 (1 if stopping failed); a second signal exits at once. */
function exitOnSignal(log: Log, stop: () => Promise<void>) {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      log.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    const started = Date.now();
    log.info({ signal }, 'shutting down');
    stop().then(
      () => {
        log.info({ ms: Date.now() - started }, 'stopped');
        process.exit(0);
      },
      (err: unknown) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

export async function serve(config: Config, options: { worker: boolean }): Promise<void> {
  const core = openCore(config);
  const { app, owner } = await prepareServer(core);
  if (owner?.generatedPassword) {
    // Printed once, on the console only: the password is stored nowhere in plain text.
    console.log(`Owner account created: ${owner.email} / password: ${owner.generatedPassword} (change it after signing in)`);
  }
  const worker = options.worker ? startBackgroundWorker(core, app.log) : null;
  await app.listen({ host: config.host, port: config.port });
  console.log(`Kramek is running: shop ${config.publicUrl}/  admin ${config.publicUrl}/admin`);

  exitOnSignal(app.log, async () => {
    await Promise.all([
      // Stops accepting (readiness turns 503 first), lets requests in flight finish, then drops what is left.
      withinGrace(app.close(), app.log, 'requests in flight', () => app.server.closeAllConnections()),
      worker?.stop(),
    ]);
    await core.close();
  });
}

export async function runWorker(config: Config): Promise<void> {
  const core = openCore(config);
  await withStartupLock(core.db, () => migrateToLatest(core.db));
  const log = pino({ level: config.logLevel });
  const worker = startBackgroundWorker(core, log);
  exitOnSignal(log, async () => {
    await worker.stop();
    await core.close();
  });
}
