/** What an export format is: a head, one piece per order and a tail, so any number of orders streams in constant memory. */
import type { ExportOrder, ExportShop } from './export-order.js';

export const EXPORT_FORMATS = ['pohoda', 'kramek', 'money-s3', 'csv', 'csv-items', 'custom'] as const;
export type ExportFormatId = (typeof EXPORT_FORMATS)[number];
export const isExportFormat = (v: unknown): v is ExportFormatId => EXPORT_FORMATS.includes(v as ExportFormatId);

export type ExportMeta = {
  shop: ExportShop;
  /** The instant of the export (ISO), from the caller's clock. */
  generatedAt: string;
  /** What was asked for, written into the document header. */
  range: { from: string | null; to: string | null; status: string | null; numbers: string[] | null };
  /** CSV: Czech decimal comma (default) or a dot. */
  decimalComma: boolean;
};

export type ExportWriter = {
  id: ExportFormatId;
  contentType: string;
  extension: string;
  /** Text that ends each order in the output, so a client can count orders while it downloads. */
  orderMarker: string | null;
  /** Whether the format carries the history (so the reader loads it only when needed). */
  needsHistory: boolean;
  head(meta: ExportMeta): string;
  order(order: ExportOrder, meta: ExportMeta): string;
  /** `count` orders were written; an empty export may need a placeholder to stay valid. */
  tail(meta: ExportMeta, count: number): string;
};
