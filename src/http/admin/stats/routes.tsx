/**
 * The Statistiky panel: the page and one CSV download per table (UTF-8 with BOM, semicolons, as Czech spreadsheets
 * open it). Staff may see it, like the other order panels: the figures come from orders staff already handle.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { stringify } from 'csv-stringify/sync';
import { STATUS_NAMES, isOrderStatus } from '../../../domain/orders/order-status.js';
import { isDomainError } from '../../../domain/errors.js';
import { presetRange } from '../../../domain/stats/ranges.js';
import type { Grain } from '../../../domain/stats/statistics.js';
import type { Services } from '../../../services/services.js';
import type { StatisticsQuery } from '../../../services/stats/get-statistics.js';
import { renderDocument } from '../../views/render.js';
import type { PageContext } from '../../views/page-context.js';
import { adminFrame } from '../shell/routes.js';
import { csvCell, isTableKey, statsTables } from './tables.js';
import { STATS_PATH, StatsPage } from './stats-view.js';

type RawStatsQuery = { from?: string; to?: string; grain?: string; cancelled?: string };

function readQuery(raw: RawStatsQuery, today: string): StatisticsQuery {
  const str = (v: unknown) => (typeof v === 'string' ? v.trim().slice(0, 20) : '');
  const fallback = presetRange('last30', today);
  return { from: str(raw.from) || fallback.from, to: str(raw.to) || fallback.to, grain: (str(raw.grain) || undefined) as Grain | undefined, includeCancelled: str(raw.cancelled) === '1' };
}

export function registerStatsRoutes(app: FastifyInstance, services: Services, pageContext: (r: FastifyRequest) => PageContext) {
  const statusName = (locale: 'cs' | 'en') => (s: string) => (isOrderStatus(s) ? STATUS_NAMES[s][locale] : s);

  app.get<{ Querystring: RawStatsQuery }>(STATS_PATH, { config: { role: 'staff' } }, async (request, reply) => {
    const ctx = pageContext(request);
    const today = services.statisticsToday();
    let flash = null;
    let stats;
    try {
      stats = await services.statistics(readQuery(request.query, today));
    } catch (error) {
      // A bad range shows the default one with the reason, rather than an error page.
      if (!isDomainError(error) || error.code !== 'validation') throw error;
      const reason = Object.values(error.fields ?? {})[0];
      flash = { kind: 'error' as const, text: reason === 'stats_range_invalid' ? ctx.t('field.stats_range_invalid') : ctx.t('error.validation') };
      stats = await services.statistics(readQuery({}, today));
      reply.code(422);
    }
    const page = <StatsPage ctx={ctx} admin={adminFrame(request, reply)} flash={flash} stats={stats} today={today} statusName={statusName(ctx.locale)} />;
    return reply.type('text/html; charset=utf-8').header('cache-control', 'private, no-store').send(renderDocument(page));
  });

  app.get<{ Params: { table: string }; Querystring: RawStatsQuery }>(`${STATS_PATH}/:table`, { config: { role: 'staff' } }, async (request, reply) => {
    const key = request.params.table.replace(/\.csv$/, '');
    if (!request.params.table.endsWith('.csv') || !isTableKey(key)) return reply.callNotFound();
    const ctx = pageContext(request);
    const stats = await services.statistics(readQuery(request.query, services.statisticsToday()));
    const table = statsTables(stats, ctx.t, statusName(ctx.locale)).find((x) => x.key === key)!;
    const csv = stringify([table.columns.map((c) => c.label), ...table.rows.map((row) => row.map((cell) => csvCell(cell, ctx.locale)))], { delimiter: ';', bom: true, record_delimiter: '\r\n' });
    const filename = `statistiky-${key}-${stats.query.from}-${stats.query.to}.csv`;
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${filename}"`).header('cache-control', 'private, no-store').send(csv);
  });
}
