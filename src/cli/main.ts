#!/usr/bin/env node
/** The `kramek` command line of CONTRACT.md: exit 0 on success, otherwise non-zero with one line on stderr. */
import { Command, CommanderError, Option } from 'commander';
import { ConfigError, loadConfig } from '../config/env.js';
import { isDomainError } from '../domain/errors.js';
import { migrateToLatest } from '../adapters/db/migrate.js';
import type { Core } from '../main.js';
import type { Db } from '../adapters/db/kysely.js';
import { createWriteStream } from 'node:fs';
import { readFile, rename, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';

// The composition root (web app, images, PDFs, mail) and the HTTP error wording are imported when a command needs
// them, not at start-up: `kramek export` never loads them, which saves it about 70 MB of memory and a second of CPU.
const composition = () => import('../main.js');

class NotYetAvailable extends Error {}
/** A command used in a way that cannot work; said in one line, exit 1. */
class UsageError extends Error {}

async function withCore<T>(work: (core: Core) => Promise<T>): Promise<T> {
  const core = (await composition()).openCore(loadConfig());
  try {
    await migrateToLatest(core.db);
    return await work(core);
  } finally {
    await core.close();
  }
}

/** The database alone, migrated, for the commands that need nothing else (the exports). */
async function withDatabase<T>(work: (db: Db) => Promise<T>): Promise<T> {
  const { openDatabase } = await import('../adapters/db/kysely.js');
  const db = openDatabase(loadConfig().database);
  try {
    await migrateToLatest(db);
    return await work(db);
  } finally {
    await db.destroy();
  }
}

/**
 * `kramek export` wired with only what it uses (database, settings, exports). The full composition in src/main.ts
 * would load the web app, sharp, pdfkit and the mailer first: a third more memory for an export of any size.
 */
async function withExportCore<T>(work: (services: ReturnType<typeof import('../services/exports/export-services.js').exportServices>) => Promise<T>): Promise<T> {
  const [{ exportRepo }, { settingsRepo }, { exportServices }] = await Promise.all([
    import('../adapters/db/export-repo.js'),
    import('../adapters/db/settings-repo.js'),
    import('../services/exports/export-services.js'),
  ]);
  return withDatabase((db) => work(exportServices({ exportsRepo: exportRepo(db), settings: settingsRepo(db), clock: { now: () => new Date() } })));
}

const program = new Command('kramek')
  .description('Kramek — your own e-shop: storefront, admin and JSON API')
  .exitOverride()
  .configureOutput({ writeErr: (text) => process.stderr.write(text) });

program
  .command('serve')
  .description('web server (storefront /, admin /admin, API /api) with the background worker')
  .option('--no-worker', 'do not run the background worker in this process')
  .action(async (options: { worker: boolean }) => (await composition()).serve(loadConfig(), { worker: options.worker }));

program
  .command('worker')
  .description('background jobs only (email outbox, exports, housekeeping)')
  .action(async () => (await composition()).runWorker(loadConfig()));

program
  .command('migrate')
  .description('apply pending database migrations')
  .action(async () => {
    const core = (await composition()).openCore(loadConfig());
    try {
      const applied = await migrateToLatest(core.db);
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
    } finally {
      await core.close();
    }
  });

program
  .command('seed')
  .description('demo shop data (idempotent)')
  .requiredOption('--demo', 'the demo shop: categories, products, pages')
  .action(async () =>
    withCore(async (core) => {
      const seeded = await core.services.seedDemoShop();
      const added = seeded.categories || seeded.products || seeded.pages || seeded.settings;
      console.log(added ? `Demo shop: ${seeded.categories} categories, ${seeded.products} products, ${seeded.pages} content pages${seeded.settings ? ', shop details' : ''} added.` : 'The demo shop is already there; nothing was added.');
    }),
  );

const admin = program.command('admin').description('admin users');
admin
  .command('create')
  .description('create an admin user')
  .requiredOption('--email <email>', 'sign-in email')
  .requiredOption('--password <password>', 'at least 10 characters')
  .addOption(new Option('--role <role>', 'owner or staff').choices(['owner', 'staff']).default('staff'))
  .option('--name <name>', 'display name')
  .action(async (options: { email: string; password: string; role: string; name?: string }) =>
    withCore(async (core) => {
      const user = await core.services.createAdminUser(options);
      console.log(`Created ${user.role} ${user.email}`);
    }),
  );

const token = program.command('token').description('admin API tokens');
token
  .command('create')
  .description('print one new admin API token on stdout, nothing else')
  .requiredOption('--name <name>', 'what the token is for')
  .addOption(new Option('--role <role>', 'owner or staff').choices(['owner', 'staff']).default('owner'))
  .action(async (options: { name: string; role: string }) =>
    withCore(async (core) => {
      const created = await core.services.createApiToken(options);
      process.stdout.write(`${created.token}\n`);
    }),
  );

const exportCommand = program.command('export').description('exports for accounting programs');
exportCommand
  .command('orders')
  .description('orders for accounting programs, streamed (read and written in batches; each export is logged on the orders)')
  .addOption(new Option('--format <format>', 'pohoda, kramek, money-s3, csv, csv-items or custom').makeOptionMandatory())
  .option('--from <date>', 'first day, YYYY-MM-DD (Prague time)')
  .option('--to <date>', 'last day (inclusive), YYYY-MM-DD')
  .option('--status <status>', 'only orders in this status (new, processing, shipped, completed, cancelled)')
  .option('--numbers <list>', 'only these orders, comma-separated')
  .option('--decimal <separator>', 'CSV decimal separator: comma (default) or dot')
  .option('--out <file>', 'write to a file instead of stdout')
  .action(async (options: { format: string; from?: string; to?: string; status?: string; numbers?: string; decimal?: string; out?: string }) =>
    withExportCore(async (services) => {
      const prepared = await services.exportOrders({ ...options, numbers: options.numbers?.split(','), actor: 'kramek export (CLI)' });
      await writeExport(prepared.chunks, options.out);
      if (options.out) process.stderr.write(`Exported ${prepared.total} orders to ${options.out}\n`);
    }),
  );

exportCommand
  .command('invoices')
  .description('invoices and credit notes issued within a range of days: one Pohoda data pack, or a ZIP of ISDOC files')
  .addOption(new Option('--from <date>', 'first issue day, YYYY-MM-DD (Prague time)').makeOptionMandatory())
  .addOption(new Option('--to <date>', 'last issue day (inclusive), YYYY-MM-DD').makeOptionMandatory())
  .addOption(new Option('--format <format>', 'pohoda (XML data pack) or isdoc (ZIP of ISDOC 6.0.2 files)').choices(['pohoda', 'isdoc']).default('pohoda'))
  .option('--out <file>', 'write to a file instead of stdout')
  .action(async (options: { from: string; to: string; format: 'pohoda' | 'isdoc'; out?: string }) => {
    const [exports, { invoiceRepo }, { settingsRepo }] = await Promise.all([import('../services/invoices/export-invoices.js'), import('../adapters/db/invoice-repo.js'), import('../adapters/db/settings-repo.js')]);
    // Checked before the database is opened: bad input touches nothing.
    exports.invoiceExportRange(options);
    if (options.format === 'isdoc' && !options.out && process.stdout.isTTY) throw new UsageError('a ZIP is binary: give --out FILE or redirect stdout');
    await withDatabase(async (db) => {
      const deps = { invoices: invoiceRepo(db), settings: settingsRepo(db), clock: { now: () => new Date() } };
      const prepared = options.format === 'isdoc' ? await exports.exportInvoicesIsdoc(deps, options) : await exports.exportInvoicesPohoda(deps, options);
      await writeExport(prepared.chunks, options.out);
      if (options.out) process.stderr.write(`Exported ${prepared.documents()} documents to ${options.out}\n`);
    });
  });

/** Streams the export to stdout, or to a file that appears only when complete (a failed run leaves no half file). */
async function writeExport(chunks: AsyncIterable<string | Uint8Array>, out: string | undefined): Promise<void> {
  // pipeline writes the iterable's chunks itself and waits for 'drain' when the stream is full (bounded memory).
  if (!out) return pipeline(chunks, process.stdout, { end: false });
  const partial = `${out}.part-${process.pid}`;
  try {
    await pipeline(chunks, createWriteStream(partial));
    await rename(partial, out);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

const payments = program.command('payments').description('money in: bank statements');
payments
  .command('import')
  .description('import a bank statement (GPC/ABO, camt.053 or Fio JSON) and pair its payments with orders; importing it again changes nothing')
  .argument('<file>', 'the statement file')
  .action(async (file: string) =>
    withCore(async (core) => {
      const bytes = await readFile(file);
      const s = await core.services.importStatement({ bytes, actor: 'kramek payments import (CLI)' });
      console.log(`${s.format}: ${s.movements} movements, ${s.added} new, ${s.duplicates} imported before; orders paid ${s.paid}, partly ${s.partial}, overpaid ${s.overpaid}; unmatched ${s.unmatched}, outgoing ${s.outgoing}`);
    }),
  );

async function reasonOf(error: unknown): Promise<string> {
  if (error instanceof ConfigError || error instanceof NotYetAvailable || error instanceof UsageError) return error.message;
  if (isDomainError(error)) {
    // Field problems in words (`--from: Enter a date as YYYY-MM-DD …`), as a person at a terminal needs them.
    const [{ translator }, { translateField }] = await Promise.all([import('../http/i18n/messages.js'), import('../http/middleware/errors.js')]);
    const en = translator('en');
    const fields = error.fields ? Object.entries(error.fields).map(([f, m]) => `--${f}: ${translateField(en, m)}`).join('; ') : '';
    if (error.params?.reason) return `${error.message}`;
    return fields ? `${error.code === 'validation' ? 'invalid input' : error.code}: ${fields}` : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Commander has printed its own line (or the help); keep its exit code.
    process.exit(error.exitCode);
  }
  process.stderr.write(`kramek: ${(await reasonOf(error)).split('\n')[0]}\n`);
  process.exit(error instanceof NotYetAvailable ? 2 : 1);
}
