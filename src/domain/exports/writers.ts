/** The writer of each export format; the custom one is built from the owner's layout in Configuration. */
import { DomainError } from '../errors.js';
import { csvLinesWriter, csvOrdersWriter } from './csv.js';
import { customLayoutWriter, layoutProblems } from './custom-layout.js';
import type { ExportFormatId, ExportWriter } from './export-format.js';
import { kramekWriter } from './kramek-xml.js';
import { moneyS3Writer } from './money-s3.js';
import { pohodaWriter } from './pohoda.js';

const FIXED: Record<Exclude<ExportFormatId, 'custom'>, ExportWriter> = { pohoda: pohodaWriter, kramek: kramekWriter, 'money-s3': moneyS3Writer, csv: csvOrdersWriter, 'csv-items': csvLinesWriter };

export function exportWriter(format: ExportFormatId, customLayout: string): ExportWriter {
  if (format !== 'custom') return FIXED[format];
  if (!customLayout.trim()) throw new DomainError('validation', 'no custom layout', { format: 'export_layout_missing' });
  const problems = layoutProblems(customLayout);
  if (problems.length) throw new DomainError('validation', 'custom layout invalid', { format: 'export_layout_invalid' });
  return customLayoutWriter(customLayout);
}

/** `export-2026-11-26.xml`, `objednavka-2026000123-pohoda.xml`: names the browser saves the download under. */
export function exportFilename(writer: ExportWriter, what: { number?: string; date: string }): string {
  return what.number ? `objednavka-${what.number}-${writer.id}.${writer.extension}` : `objednavky-${what.date}-${writer.id}.${writer.extension}`;
}
