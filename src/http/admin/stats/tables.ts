/** The Statistiky tables as typed cells, so the page and the CSV download show the same rows, each formatted its way. */
import type { Statistics } from '../../../services/stats/get-statistics.js';
import { formatMoney } from '../../../domain/money/money.js';
import type { MessageKey, Translate } from '../../i18n/messages.js';
import type { Grain } from '../../../domain/stats/statistics.js';

export type Cell = { text: string } | { money: number } | { count: number } | { percent: number };
export type StatsTable = { key: TableKey; title: MessageKey; columns: { label: string; num: boolean }[]; rows: Cell[][] };

export const TABLE_KEYS = ['revenue', 'statuses', 'products', 'categories', 'customers', 'payments', 'shippings'] as const;
export type TableKey = (typeof TABLE_KEYS)[number];
export const isTableKey = (v: string): v is TableKey => (TABLE_KEYS as readonly string[]).includes(v);

const text = (v: string): Cell => ({ text: v });
const money = (v: number): Cell => ({ money: v });
const count = (v: number): Cell => ({ count: v });
const percent = (v: number): Cell => ({ percent: v });

/** A bucket's label: the day, the week's Monday–Sunday (clipped to the range) or the month. */
export function periodLabel(b: { key: string; from: string; to: string }, grain: Grain): string {
  if (grain === 'day') return b.from;
  if (grain === 'month') return b.key;
  return b.from === b.to ? b.from : `${b.from} – ${b.to}`;
}

export function statsTables(stats: Statistics, t: Translate, statusName: (s: string) => string): StatsTable[] {
  const cols = (...labels: [string, boolean][]) => labels.map(([label, num]) => ({ label, num }));
  const gross = t('stats.revenueGross');
  const net = t('stats.revenueNet');
  const shares = (list: Statistics['payments']) => list.map((s) => [text(s.name), count(s.orders), percent(s.percent), money(s.gross)]);
  const customers = stats.customers.new + stats.customers.returning;
  return [
    {
      key: 'revenue',
      title: 'stats.table.revenue',
      columns: cols([t('stats.col.period'), false], [t('stats.orders'), true], [gross, true], [net, true], [t('stats.vat'), true]),
      rows: stats.buckets.map((b) => [text(periodLabel(b, stats.query.grain)), count(b.orders), money(b.gross), money(b.net), money(b.vat)]),
    },
    {
      key: 'statuses',
      title: 'stats.table.statuses',
      columns: cols([t('stats.col.status'), false], [t('stats.col.count'), true], [gross, true]),
      rows: stats.statuses.map((s) => [text(statusName(s.status)), count(s.orders), money(s.gross)]),
    },
    {
      key: 'products',
      title: 'stats.table.products',
      columns: cols([t('stats.col.sku'), false], [t('stats.col.name'), false], [t('stats.col.quantity'), true], [gross, true], [net, true]),
      rows: stats.products.map((p) => [text(p.key), text(p.name), count(p.quantity), money(p.gross), money(p.net)]),
    },
    {
      key: 'categories',
      title: 'stats.table.categories',
      columns: cols([t('stats.col.name'), false], [t('stats.col.quantity'), true], [gross, true], [net, true]),
      rows: stats.categories.map((c) => [text(c.name), count(c.quantity), money(c.gross), money(c.net)]),
    },
    {
      key: 'customers',
      title: 'stats.table.customers',
      columns: cols([t('stats.col.customers'), false], [t('stats.col.count'), true], [t('stats.col.share'), true]),
      rows: [
        [text(t('stats.customers.new')), count(stats.customers.new), percent(customers ? Math.round((stats.customers.new / customers) * 1000) / 10 : 0)],
        [text(t('stats.customers.returning')), count(stats.customers.returning), percent(customers ? Math.round((stats.customers.returning / customers) * 1000) / 10 : 0)],
      ],
    },
    { key: 'payments', title: 'stats.table.payments', columns: cols([t('stats.col.method'), false], [t('stats.orders'), true], [t('stats.col.share'), true], [gross, true]), rows: shares(stats.payments) },
    { key: 'shippings', title: 'stats.table.shippings', columns: cols([t('stats.col.method'), false], [t('stats.orders'), true], [t('stats.col.share'), true], [gross, true]), rows: shares(stats.shippings) },
  ];
}

/** A cell for the page: Czech or English number formats. */
export function displayCell(cell: Cell, locale: 'cs' | 'en'): string {
  if ('text' in cell) return cell.text;
  if ('money' in cell) return formatMoney(cell.money, locale);
  if ('count' in cell) return cell.count.toLocaleString(locale === 'cs' ? 'cs-CZ' : 'en-GB');
  return `${cell.percent.toLocaleString(locale === 'cs' ? 'cs-CZ' : 'en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`;
}

/** A cell for CSV: plain numbers a spreadsheet reads (decimal comma in Czech, point in English), no thousands separators. */
export function csvCell(cell: Cell, locale: 'cs' | 'en'): string {
  const decimal = (v: string) => (locale === 'cs' ? v.replace('.', ',') : v);
  // A leading =, +, - or @ would run as a formula in a spreadsheet: product and category names are shop input.
  if ('text' in cell) return /^[=+\-@\t\r]/.test(cell.text) ? `'${cell.text}` : cell.text;
  if ('money' in cell) return decimal((cell.money / 100).toFixed(2));
  if ('count' in cell) return String(cell.count);
  return decimal(cell.percent.toFixed(1));
}
