/** What may be exported: a format, a range of Prague calendar days, a status or a list of order numbers — checked before a byte is written. */
import { DomainError } from '../errors.js';
import { isOrderStatus, type OrderStatus } from '../orders/order-status.js';
import { isExportFormat, type ExportFormatId } from './export-format.js';

export type ExportSelection = {
  format: ExportFormatId;
  /** Inclusive lower and exclusive upper bound as UTC instants (ISO), from Prague days. */
  fromInstant: string | null;
  toInstant: string | null;
  fromDay: string | null;
  toDay: string | null;
  status: OrderStatus | null;
  numbers: string[] | null;
  decimalComma: boolean;
};

export const MAX_SELECTED_NUMBERS = 1000;

const PARTS = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Prague', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });

/** Minutes Prague is ahead of UTC at an instant (60 in winter, 120 in summer). */
function pragueOffset(ms: number): number {
  const p = Object.fromEntries(PARTS.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
  return Math.round((asUtc - Math.floor(ms / 60_000) * 60_000) / 60_000);
}

/** A `YYYY-MM-DD` that is a real calendar day, or null. */
export function parseDay(value: unknown): { y: number; m: number; d: number } | null {
  if (typeof value !== 'string') return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? { y, m, d } : null;
}

/** The instant a Prague calendar day starts (`dayOffset` 1: the next day's start, an exclusive end). */
export function pragueDayStart(day: { y: number; m: number; d: number }, dayOffset = 0): string {
  const guess = Date.UTC(day.y, day.m - 1, day.d + dayOffset);
  const first = guess - pragueOffset(guess) * 60_000;
  return new Date(guess - pragueOffset(first) * 60_000).toISOString();
}

const blank = (v: unknown) => v === undefined || v === null || v === '';

/** Checks a request from any edge (web form, API query, CLI options); field keys are the names the edges use. */
export function readExportSelection(input: { format: unknown; from?: unknown; to?: unknown; status?: unknown; numbers?: unknown; decimal?: unknown }): ExportSelection {
  const fields: Record<string, string> = {};
  const format = typeof input.format === 'string' ? input.format.trim() : input.format;
  if (!isExportFormat(format)) fields.format = blank(format) ? 'required' : 'export_format_invalid';
  const from = blank(input.from) ? null : parseDay(input.from);
  const to = blank(input.to) ? null : parseDay(input.to);
  if (!blank(input.from) && !from) fields.from = 'date_invalid';
  if (!blank(input.to) && !to) fields.to = 'date_invalid';
  if (from && to && Date.UTC(from.y, from.m - 1, from.d) > Date.UTC(to.y, to.m - 1, to.d)) fields.to = 'date_before_from';
  const status = blank(input.status) ? null : input.status;
  if (status !== null && !isOrderStatus(status)) fields.status = 'export_status_invalid';
  let numbers: string[] | null = null;
  if (!blank(input.numbers)) {
    const list = (Array.isArray(input.numbers) ? input.numbers : [input.numbers]).map((n) => String(n).trim()).filter(Boolean);
    if (list.length === 0 || list.some((n) => !/^\d{1,10}$/.test(n))) fields.numbers = 'export_numbers_invalid';
    else if (list.length > MAX_SELECTED_NUMBERS) fields.numbers = 'too_many';
    else numbers = [...new Set(list)];
  }
  if (!blank(input.decimal) && input.decimal !== 'comma' && input.decimal !== 'dot') fields.decimal = 'invalid_value';
  if (Object.keys(fields).length) throw new DomainError('validation', 'invalid export request', fields);
  const day = (p: { y: number; m: number; d: number } | null) => (p ? `${p.y}-${String(p.m).padStart(2, '0')}-${String(p.d).padStart(2, '0')}` : null);
  return {
    format: format as ExportFormatId,
    fromInstant: from ? pragueDayStart(from) : null,
    toInstant: to ? pragueDayStart(to, 1) : null,
    fromDay: day(from),
    toDay: day(to),
    status: status as OrderStatus | null,
    numbers,
    decimalComma: input.decimal !== 'dot',
  };
}
