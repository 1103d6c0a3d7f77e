/** Reads the order list's query (status, payment, q, from, to, cursors) from a URL, for the admin page and the admin API alike. */
import { DomainError } from '../../../domain/errors.js';
import { isOrderStatus, isPaymentStatus } from '../../../domain/orders/order-status.js';
import type { ListCursor, OrderListQuery } from '../../../services/orders/panel-ports.js';

export type RawListQuery = { status?: string; payment?: string; q?: string; from?: string; to?: string; limit?: string; cursor?: string; before?: string };

const OFFSET = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Prague', timeZoneName: 'shortOffset' });

/** Midnight (or the end) of a Prague calendar day as a UTC instant. */
export function pragueDay(date: string, end: boolean): string {
  const noon = new Date(`${date}T12:00:00Z`);
  const offset = /GMT([+-]\d+)?/.exec(OFFSET.formatToParts(noon).find((p) => p.type === 'timeZoneName')?.value ?? '')?.[1] ?? '0';
  const local = new Date(`${date}T${end ? '23:59:59.999' : '00:00:00.000'}Z`);
  return new Date(local.getTime() - Number(offset) * 3_600_000).toISOString();
}

export const encodeCursor = (c: ListCursor) => Buffer.from(`${c.createdAt}|${c.id}`).toString('base64url');

function decodeCursor(raw: string, field: string): ListCursor {
  const [createdAt, id] = Buffer.from(raw, 'base64url').toString('utf8').split('|');
  if (!createdAt || !id || !/^\d{1,12}$/.test(id) || Number.isNaN(Date.parse(createdAt)) || raw.length > 100) throw new DomainError('validation', field, { [field]: 'invalid_value' });
  return { createdAt: new Date(createdAt).toISOString(), id: Number(id) };
}

function instantOf(raw: string, field: 'from' | 'to'): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(raw) && !Number.isNaN(Date.parse(raw))) return pragueDay(raw, field === 'to');
  if (/^\d{4}-\d{2}-\d{2}T/.test(raw) && !Number.isNaN(Date.parse(raw))) return new Date(raw).toISOString();
  throw new DomainError('validation', field, { [field]: 'invalid_value' });
}

/** Empty values mean "no filter"; a bad value is a validation error naming its field. */
export function readListQuery(raw: RawListQuery, defaultLimit: number): OrderListQuery {
  const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  const query: OrderListQuery = { limit: defaultLimit };
  const status = str(raw.status);
  if (status && status !== 'all') {
    if (!isOrderStatus(status)) throw new DomainError('validation', 'status', { status: 'invalid_value' });
    query.status = status;
  }
  const payment = str(raw.payment);
  if (payment) {
    if (!isPaymentStatus(payment)) throw new DomainError('validation', 'payment', { payment: 'invalid_value' });
    query.paymentStatus = payment;
  }
  const q = str(raw.q).slice(0, 100);
  if (q) query.q = q;
  if (str(raw.from)) query.from = instantOf(str(raw.from), 'from');
  if (str(raw.to)) query.to = instantOf(str(raw.to), 'to');
  if (str(raw.limit)) {
    const n = Number(raw.limit);
    if (!Number.isInteger(n) || n < 1 || n > 200) throw new DomainError('validation', 'limit', { limit: 'invalid_value' });
    query.limit = n;
  }
  if (str(raw.cursor)) query.after = decodeCursor(str(raw.cursor), 'cursor');
  else if (str(raw.before)) query.before = decodeCursor(str(raw.before), 'before');
  return query;
}
