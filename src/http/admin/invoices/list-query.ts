/** Reads the Invoices list's query (series, paid/unpaid, issue days, paging) for the admin page and the admin API alike. */
import { DomainError } from '../../../domain/errors.js';
import { isLocalDate } from '../../../domain/stats/prague-calendar.js';
import type { InvoiceListQuery } from '../../../services/invoices/ports.js';

export type RawInvoiceQuery = { series?: string; paid?: string; from?: string; to?: string; limit?: string; cursor?: string };

/** Empty values mean "no filter"; a bad value is a validation error naming its field. */
export function readInvoiceQuery(raw: RawInvoiceQuery, defaultLimit: number): InvoiceListQuery {
  const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  const bad = (field: string) => new DomainError('validation', field, { [field]: 'invalid_value' });
  const query: InvoiceListQuery = { limit: defaultLimit };
  const series = str(raw.series);
  if (series) {
    if (series !== 'invoice' && series !== 'credit_note') throw bad('series');
    query.kind = series;
  }
  const paid = str(raw.paid);
  if (paid) {
    if (paid !== 'paid' && paid !== 'unpaid') throw bad('paid');
    query.paid = paid === 'paid';
  }
  for (const field of ['from', 'to'] as const) {
    const day = str(raw[field]);
    if (day && !isLocalDate(day)) throw bad(field);
    if (day) query[field] = day;
  }
  if (str(raw.limit)) {
    const n = Number(raw.limit);
    if (!Number.isInteger(n) || n < 1 || n > 200) throw bad('limit');
    query.limit = n;
  }
  const cursor = str(raw.cursor);
  if (cursor) {
    if (!/^\d{1,12}$/.test(cursor)) throw bad('cursor');
    query.before = Number(cursor);
  }
  return query;
}
