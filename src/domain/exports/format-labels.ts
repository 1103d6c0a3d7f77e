/** How each export format is called on the timeline and in the admin (the same in both languages: they are product names). */
import type { ExportFormatId } from './export-format.js';

export const FORMAT_LABELS: Record<ExportFormatId, string> = {
  pohoda: 'Pohoda XML',
  kramek: 'Kramek XML',
  'money-s3': 'Money S3 XML',
  csv: 'CSV (objednávky)',
  'csv-items': 'CSV (položky)',
  custom: 'vlastní XML',
};
