/** The Statistiky page's figures for a range of Prague dates: aggregates read once, rolled up per grain in memory. */
import { DomainError } from '../../domain/errors.js';
import { daysBetween, isLocalDate, type LocalDate } from '../../domain/stats/prague-calendar.js';
import { defaultGrain, GRAINS, methodShares, rangeTotals, revenueBuckets, statusRows, topCategories, topProducts, type Grain } from '../../domain/stats/statistics.js';
import type { StatsRepo } from './ports.js';

export type StatisticsQuery = { from: LocalDate; to: LocalDate; grain?: Grain; includeCancelled: boolean };

const TOP = 10;
/** Ten years of days at most: a bucket list stays small and a typo ("20266") cannot ask for millennia. */
const MAX_DAYS = 3660;

export function checkStatisticsQuery(query: StatisticsQuery): void {
  const fields: Record<string, string> = {};
  if (!isLocalDate(query.from)) fields.from = 'invalid_value';
  if (!isLocalDate(query.to)) fields.to = 'invalid_value';
  if (!fields.from && !fields.to && (daysBetween(query.from, query.to) < 0 || daysBetween(query.from, query.to) >= MAX_DAYS)) fields.to = 'stats_range_invalid';
  if (query.grain && !GRAINS.includes(query.grain)) fields.grain = 'invalid_value';
  if (Object.keys(fields).length) throw new DomainError('validation', 'statistics range', fields);
}

export async function getStatistics(deps: { stats: StatsRepo }, query: StatisticsQuery) {
  checkStatisticsQuery(query);
  const range = { from: query.from, to: query.to };
  // Summaries first take in the orders changed since the last read (placed, moved along, cancelled).
  await deps.stats.refresh();
  const grain = query.grain ?? defaultGrain(query);
  const [groups, { days: items, variants: sales }, customers] = await Promise.all([
    deps.stats.orderDays(range, grain),
    deps.stats.items(range, query.includeCancelled, grain),
    deps.stats.customers(range, query.includeCancelled),
  ]);
  return {
    query: { ...query, grain },
    totals: rangeTotals(groups, items, query.includeCancelled),
    buckets: revenueBuckets(query, grain, groups, items, query.includeCancelled),
    statuses: statusRows(groups),
    payments: methodShares(groups, 'payment', query.includeCancelled),
    shippings: methodShares(groups, 'shipping', query.includeCancelled),
    products: topProducts(sales, TOP),
    categories: topCategories(sales, TOP),
    customers: { new: customers.customers - customers.returning, returning: customers.returning },
  };
}

export type Statistics = Awaited<ReturnType<typeof getStatistics>>;
