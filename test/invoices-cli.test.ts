/**
 * `kramek export invoices` as a separate process against the shop's database, on both databases: the Pohoda data pack
 * (valid against Pohoda's XSDs, the same pack the admin exports) and the ZIP of ISDOC files (one valid ISDOC per
 * document of the range, the same file as the single download); bad input exits non-zero and writes nothing.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { DIALECTS, postgresUrlWithSchema } from './support/databases.js';
import { startKramek, type TestKramek } from './support/kramek.js';
import { TestClock } from './support/outbox.js';
import { BUYER, placeOrder } from './support/orders.js';
import { adminApi, COMPANY_BUYER, setUpInvoicingShop, type Api } from './support/invoices.js';
import { ISDOC_XSD, POHODA_XSD, xmllint } from './support/xml.js';
import { unzipNames, unzipTest, unzipText } from './support/zip.js';
import { documentFilename } from '../src/domain/invoices/document-titles.js';
import type { DocumentKind } from '../src/domain/invoices/invoice.js';

const DAY = 86_400_000;

function kramekCli(args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...env },
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr.toString('utf8') };
}

/** The pack without its generation stamp (`id="kramek-doklady-<time>"`), which differs between two runs. */
const unstamped = (xml: string) => xml.replace(/ id="kramek-doklady-\d+"/, '');

for (const dialect of DIALECTS) {
  describe(`kramek export invoices on ${dialect.name}`, () => {
    let kramek: TestKramek;
    let api: Api;
    let env: Record<string, string>;
    let dir: string;
    // Documents on 10 and 12 March are in the range; those of 9 and 13 March are not.
    const clock = new TestClock(new Date('2026-03-09T09:00:00.000Z'));
    const inRange: { id: number; number: string; kind: DocumentKind; locale: 'cs' | 'en' }[] = [];
    const outside: string[] = [];

    before(async () => {
      kramek = await startKramek(dialect, { clock });
      api = adminApi(kramek, (await setUpInvoicingShop(kramek)).authorization);
      env = { DATA_DIR: kramek.database.dataDir, ...(kramek.database.target.kind === 'postgres' ? { DATABASE_URL: postgresUrlWithSchema(kramek.database.target) } : {}) };
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kramek-cli-invoices-'));
      const issue = async (overrides: Record<string, unknown> = {}, headers: Record<string, string> = {}) => {
        const placed = await kramek.app.inject({ method: 'POST', url: '/api/store/orders', headers, payload: { ...BUYER, items: [{ sku: 'TEA-1', quantity: 2 }, { sku: 'BOOK-1', quantity: 1 }], ...overrides } });
        assert.equal(placed.statusCode, 201, placed.body);
        const invoice = await api('POST', `/api/admin/orders/${placed.json().number}/invoice`);
        assert.equal(invoice.status, 201, invoice.body);
        return invoice.json();
      };
      outside.push((await issue()).number);
      clock.advance(DAY);
      const first = await issue({ customer: COMPANY_BUYER });
      const english = await issue({}, { 'accept-language': 'en' });
      clock.advance(2 * DAY);
      const third = await issue();
      const credit = (await api('POST', `/api/admin/invoices/${first.id}/credit-note`, { reason: 'Vrácené zboží', lines: [{ line: 2, quantity: 1 }] })).json();
      inRange.push(...[first, english, third, credit].map((d) => ({ id: d.id, number: d.number, kind: d.kind, locale: d.locale })));
      clock.advance(DAY);
      outside.push((await issue()).number);
      assert.equal(english.locale, 'en');
      assert.equal(credit.kind, 'credit_note');
      await placeOrder(kramek); // an order without a document changes nothing
    });
    after(async () => {
      fs.rmSync(dir, { recursive: true, force: true });
      await kramek.close();
    });

    test('the Pohoda pack on stdout validates against the Pohoda XSDs and is the admin export of the same days', async () => {
      const run = kramekCli(['export', 'invoices', '--from', '2026-03-10', '--to', '2026-03-12'], env);
      assert.equal(run.code, 0, run.stderr);
      assert.equal(run.stderr, '');
      const xml = run.stdout.toString('utf8');
      xmllint(xml, POHODA_XSD);
      assert.equal((xml.match(/<inv:invoice /g) ?? []).length, inRange.length);
      for (const d of inRange) assert.ok(xml.includes(`<typ:numberRequested checkDuplicity="true">${d.number}</typ:numberRequested>`), d.number);
      for (const number of outside) assert.ok(!xml.includes(number), `${number} is outside the days`);
      assert.match(xml, /<inv:invoiceType>issuedCorrectiveTax<\/inv:invoiceType>/);
      const admin = await api('GET', '/api/admin/exports/invoices.xml?from=2026-03-10&to=2026-03-12');
      assert.equal(unstamped(xml), unstamped(admin.body), 'one generator, one result');

      const file = path.join(dir, 'doklady.xml');
      const toFile = kramekCli(['export', 'invoices', '--from', '2026-03-10', '--to', '2026-03-12', '--format', 'pohoda', '--out', file], env);
      assert.equal(toFile.code, 0, toFile.stderr);
      assert.equal(toFile.stdout.length, 0);
      assert.equal(toFile.stderr, `Exported ${inRange.length} documents to ${file}\n`);
      assert.equal(unstamped(fs.readFileSync(file, 'utf8')), unstamped(xml));

      const empty = kramekCli(['export', 'invoices', '--from', '2020-01-01', '--to', '2020-01-31'], env);
      assert.equal(empty.code, 0, empty.stderr);
      xmllint(empty.stdout.toString('utf8'), POHODA_XSD);
      assert.doesNotMatch(empty.stdout.toString('utf8'), /<inv:invoice /);
    });

    test('--format isdoc writes a ZIP with one valid ISDOC per document, the same file the admin downloads', async () => {
      const file = path.join(dir, 'doklady.zip');
      const run = kramekCli(['export', 'invoices', '--from', '2026-03-10', '--to', '2026-03-12', '--format', 'isdoc', '--out', file], env);
      assert.equal(run.code, 0, run.stderr);
      assert.equal(run.stderr, `Exported ${inRange.length} documents to ${file}\n`);
      assert.deepEqual(fs.readdirSync(dir).filter((name) => name.includes('.part-')), [], 'no partial file is left');
      unzipTest(file);
      const names = unzipNames(file);
      assert.deepEqual(names, inRange.map((d) => documentFilename(d, d.locale, 'isdoc')), 'one file per document, oldest first');
      assert.ok(names.some((n) => n.startsWith('opravny-doklad-')) && names.some((n) => n.startsWith('invoice-')), names.join(', '));
      for (const d of inRange) {
        const isdoc = unzipText(file, documentFilename(d, d.locale, 'isdoc'));
        xmllint(isdoc, ISDOC_XSD);
        assert.equal(isdoc, (await api('GET', `/api/admin/invoices/${d.id}.isdoc`)).body);
      }

      // Piped to stdout, the same archive.
      const piped = kramekCli(['export', 'invoices', '--from', '2026-03-10', '--to', '2026-03-12', '--format', 'isdoc'], env);
      assert.equal(piped.code, 0, piped.stderr);
      const pipedFile = path.join(dir, 'piped.zip');
      fs.writeFileSync(pipedFile, piped.stdout);
      unzipTest(pipedFile);
      assert.deepEqual(unzipNames(pipedFile), names);

      const empty = kramekCli(['export', 'invoices', '--from', '2020-01-01', '--to', '2020-01-31', '--format', 'isdoc'], env);
      assert.equal(empty.code, 0, empty.stderr);
      assert.equal(empty.stdout.length, 22, 'an empty archive');
    });
  });
}

describe('kramek export invoices with bad input', () => {
  const cases: [string, string[], RegExp][] = [
    ['no --from', ['--to', '2026-03-31'], /required option '--from <date>'/],
    ['no --to', ['--from', '2026-03-01'], /required option '--to <date>'/],
    ['an impossible day', ['--from', '2026-02-30', '--to', '2026-03-31'], /^kramek: invalid input: --from: Enter a date as YYYY-MM-DD/],
    ['a date in another form', ['--from', '1. 3. 2026', '--to', '2026-03-31'], /--from: Enter a date as YYYY-MM-DD/],
    ['--to before --from', ['--from', '2026-04-02', '--to', '2026-04-01'], /--to: The "to" date cannot be before the "from" date/],
    ['an unknown format', ['--from', '2026-03-01', '--to', '2026-03-31', '--format', 'csv'], /argument 'csv' is invalid\. Allowed choices are pohoda, isdoc/],
  ];
  for (const [what, args, message] of cases) {
    test(`${what}: one line on stderr, exit 1, no file and no database`, () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kramek-cli-invoices-'));
      try {
        const output = path.join(dir, 'out.xml');
        const run = kramekCli(['export', 'invoices', ...args, '--out', output], { DATA_DIR: dir });
        assert.equal(run.code, 1);
        assert.equal(run.stdout.length, 0);
        const lines = run.stderr.trim().split('\n');
        assert.equal(lines.length, 1, run.stderr);
        assert.match(lines[0]!, message);
        assert.deepEqual(fs.readdirSync(dir), [], 'nothing written, not even a database');
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
