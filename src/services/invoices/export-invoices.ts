/**
 * The accounting export of the documents issued within a range of days: one Pohoda data pack, or a ZIP with one ISDOC
 * file per document. Both read the documents a page at a time as they are written, so a range of any size costs
 * little memory; the range is checked before anything is read.
 */
import { DomainError } from '../../domain/errors.js';
import { zipArchive, type ZipEntry } from '../../domain/exports/zip-archive.js';
import { documentFilename } from '../../domain/invoices/document-titles.js';
import type { Invoice } from '../../domain/invoices/invoice.js';
import { isdocXml } from '../../domain/invoices/isdoc.js';
import { pohodaInvoice, pohodaInvoicesHead, pohodaInvoicesTail } from '../../domain/invoices/pohoda-invoices.js';
import { isLocalDate } from '../../domain/stats/prague-calendar.js';
import type { Clock } from '../ports.js';
import { getSettings } from '../settings/get-settings.js';
import type { SettingsRepo } from '../settings/ports.js';
import type { InvoiceRepo } from './ports.js';

export type InvoiceExportDeps = { invoices: Pick<InvoiceRepo, 'issuedBetween'>; settings: SettingsRepo; clock: Clock };

export type InvoiceExportRange = { from: string; to: string };

export type PreparedInvoiceExport<Chunk extends string | Uint8Array> = {
  filename: string;
  contentType: string;
  chunks: AsyncIterable<Chunk>;
  /** Documents written so far (all of them once `chunks` has ended). */
  documents(): number;
};

const EXPORT_PAGE = 200;

/** A range of issue days for the accounting export: both days required, in order. */
export function invoiceExportRange(input: { from?: unknown; to?: unknown }): InvoiceExportRange {
  const from = typeof input.from === 'string' ? input.from.trim() : '';
  const to = typeof input.to === 'string' ? input.to.trim() : '';
  const fields: Record<string, string> = {};
  if (!isLocalDate(from)) fields.from = 'date_invalid';
  if (!isLocalDate(to)) fields.to = 'date_invalid';
  if (!fields.from && !fields.to && from > to) fields.to = 'date_before_from';
  if (Object.keys(fields).length) throw new DomainError('validation', 'export range', fields);
  return { from, to };
}

/** Every document of the range, oldest first, a page at a time; `seen` counts them as they are handed out. */
async function* documentsOf(deps: InvoiceExportDeps, { from, to }: InvoiceExportRange, seen: { count: number }): AsyncGenerator<Invoice[]> {
  for (let after = 0; ; ) {
    const page = await deps.invoices.issuedBetween(from, to, after, EXPORT_PAGE);
    if (page.length > 0) yield page;
    seen.count += page.length;
    if (page.length < EXPORT_PAGE) return;
    after = page.at(-1)!.id;
  }
}

/** One Pohoda data pack (`inv:invoice` items); a range without documents gives a valid pack that changes nothing. */
export async function exportInvoicesPohoda(deps: InvoiceExportDeps, input: { from?: unknown; to?: unknown }): Promise<PreparedInvoiceExport<string>> {
  const range = invoiceExportRange(input);
  const settings = await getSettings(deps);
  const seen = { count: 0 };
  async function* chunks() {
    yield pohodaInvoicesHead({ shopName: settings.shop.name, ico: settings.shop.ico, from: range.from, to: range.to, generatedAt: deps.clock.now().toISOString() });
    for await (const page of documentsOf(deps, range, seen)) yield page.map(pohodaInvoice).join('');
    yield pohodaInvoicesTail(seen.count);
  }
  return { filename: `doklady-${range.from}-${range.to}-pohoda.xml`, contentType: 'application/xml; charset=utf-8', chunks: chunks(), documents: () => seen.count };
}

/** A ZIP of ISDOC 6.0.2 files named as the admin's single download names them (`faktura-FV2026-00001.isdoc`). */
export async function exportInvoicesIsdoc(deps: InvoiceExportDeps, input: { from?: unknown; to?: unknown }): Promise<PreparedInvoiceExport<Uint8Array>> {
  const range = invoiceExportRange(input);
  const seen = { count: 0 };
  async function* entries(): AsyncGenerator<ZipEntry> {
    for await (const page of documentsOf(deps, range, seen)) {
      for (const invoice of page) {
        yield { name: documentFilename(invoice, invoice.locale, 'isdoc'), data: isdocXml(invoice), modified: new Date(invoice.issuedAt) };
      }
    }
  }
  return { filename: `doklady-${range.from}-${range.to}-isdoc.zip`, contentType: 'application/zip', chunks: zipArchive(entries()), documents: () => seen.count };
}
