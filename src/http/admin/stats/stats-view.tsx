/** The Statistiky page: range picker with presets, summary figures, SVG charts and the tables, each with its CSV link. */
import type { ComponentChildren } from 'preact';
import { formatMoney } from '../../../domain/money/money.js';
import { PRESETS, presetRange } from '../../../domain/stats/ranges.js';
import { GRAINS } from '../../../domain/stats/statistics.js';
import type { Statistics } from '../../../services/stats/get-statistics.js';
import { AdminLayout, type AdminFrame } from '../../views/admin-layout.js';
import type { Flash } from '../../views/components.js';
import type { PageContext } from '../../views/page-context.js';
import { BarList, ColumnChart, LineChart, PALETTE } from './charts.js';
import { displayCell, periodLabel, statsTables, type StatsTable } from './tables.js';

export const STATS_PATH = '/admin/statistiky';

export type StatsForm = { from: string; to: string; grain: string; cancelled: boolean };

export const statsHref = (path: string, form: StatsForm) => {
  const params = new URLSearchParams({ from: form.from, to: form.to });
  if (form.grain) params.set('grain', form.grain);
  if (form.cancelled) params.set('cancelled', '1');
  return `${path}?${params}`;
};

export function StatsPage(props: { ctx: PageContext; admin: AdminFrame; flash: Flash | null; stats: Statistics; today: string; statusName: (s: string) => string }) {
  const { ctx, stats } = props;
  const { t, locale } = ctx;
  const form: StatsForm = { from: stats.query.from, to: stats.query.to, grain: stats.query.grain, cancelled: stats.query.includeCancelled };
  const tables = statsTables(stats, t, props.statusName);
  const labels = stats.buckets.map((b) => periodLabel(b, stats.query.grain).slice(stats.query.grain === 'day' ? 5 : 0, 10));
  const wholeMoney = (v: number) => formatMoney(Math.round(v / 100) * 100, locale, { whole: true });
  const table = (key: StatsTable['key'], chart?: ComponentChildren) => (
    <StatsTableView ctx={ctx} table={tables.find((x) => x.key === key)!} csv={statsHref(`${STATS_PATH}/${key}.csv`, form)}>
      {chart}
    </StatsTableView>
  );
  return (
    <AdminLayout ctx={ctx} title={t('nav.stats')} admin={props.admin} current="stats" flash={props.flash}>
      <form method="get" action={STATS_PATH} class="stats-filters" aria-label={t('stats.range')}>
        <div class="field">
          <label for="from">{t('stats.from')}</label>
          <input id="from" name="from" type="date" value={form.from} required />
        </div>
        <div class="field">
          <label for="to">{t('stats.to')}</label>
          <input id="to" name="to" type="date" value={form.to} required />
        </div>
        <div class="field">
          <label for="grain">{t('stats.grain')}</label>
          <select id="grain" name="grain">
            {GRAINS.map((g) => (
              <option key={g} value={g} selected={form.grain === g}>
                {t(`stats.grain.${g}`)}
              </option>
            ))}
          </select>
        </div>
        <label class="checkbox">
          <input type="checkbox" name="cancelled" value="1" checked={form.cancelled} /> {t('stats.includeCancelled')}
        </label>
        <button type="submit">{t('stats.show')}</button>
      </form>
      <nav class="stats-presets" aria-label={t('stats.range')}>
        {PRESETS.map((p) => {
          const range = presetRange(p, props.today);
          const current = range.from === form.from && range.to === form.to;
          return (
            <a key={p} href={statsHref(STATS_PATH, { ...form, ...range, grain: '' })} aria-current={current ? 'true' : undefined}>
              {t(`stats.preset.${p}`)}
            </a>
          );
        })}
      </nav>

      <section class="stats-summary" aria-labelledby="stats-summary">
        <h2 id="stats-summary">{t('stats.summary', { from: form.from, to: form.to })}</h2>
        <dl class="stats-figures">
          <Figure label={t('stats.revenueGross')} value={formatMoney(stats.totals.gross, locale)} />
          <Figure label={t('stats.revenueNet')} value={formatMoney(stats.totals.net, locale)} />
          <Figure label={t('stats.orders')} value={displayCell({ count: stats.totals.orders }, locale)} />
          <Figure label={t('stats.averageOrder')} value={formatMoney(stats.totals.averageOrder, locale)} />
        </dl>
        <p class="hint">{t(form.cancelled ? 'stats.cancelledIncluded' : 'stats.cancelledExcluded')}</p>
      </section>

      {stats.totals.orders === 0 && stats.statuses.every((s) => s.orders === 0) ? (
        <div class="empty-state">
          <p>{t('stats.noData')}</p>
        </div>
      ) : null}

      <section class="stats-block">
        {table(
          'revenue',
          <>
            <ColumnChart
              id="chart-revenue"
              title={t('stats.revenueChart')}
              desc={t('stats.revenueChart.desc')}
              labels={labels}
              format={wholeMoney}
              series={[
                { name: t('stats.revenueGross'), values: stats.buckets.map((b) => b.gross), color: PALETTE.light },
                { name: t('stats.revenueNet'), values: stats.buckets.map((b) => b.net), color: PALETTE.dark },
              ]}
            />
            <LineChart id="chart-orders" title={t('stats.ordersChart')} desc={t('stats.ordersChart.desc')} labels={labels} format={(v) => displayCell({ count: v }, locale)} series={{ name: t('stats.orders'), values: stats.buckets.map((b) => b.orders), color: PALETTE.line }} />
          </>,
        )}
      </section>

      <div class="stats-grid">
        <section class="stats-block">
          {table('statuses', <BarList id="chart-statuses" title={t('stats.table.statuses')} desc={t('stats.statusTotalNote')} rows={stats.statuses.map((s) => ({ label: props.statusName(s.status), value: s.orders, text: displayCell({ count: s.orders }, locale) }))} />)}
        </section>
        <section class="stats-block">
          {table('customers', <BarList id="chart-customers" title={t('stats.table.customers')} desc={t('stats.customers.new')} rows={[{ label: t('stats.customers.new'), value: stats.customers.new, text: displayCell({ count: stats.customers.new }, locale) }, { label: t('stats.customers.returning'), value: stats.customers.returning, text: displayCell({ count: stats.customers.returning }, locale) }]} />)}
        </section>
        <section class="stats-block">
          {table('payments', <BarList id="chart-payments" title={t('stats.table.payments')} desc={t('stats.table.payments')} rows={stats.payments.map((s) => ({ label: s.name, value: s.orders, text: displayCell({ percent: s.percent }, locale) }))} />)}
        </section>
        <section class="stats-block">
          {table('shippings', <BarList id="chart-shippings" title={t('stats.table.shippings')} desc={t('stats.table.shippings')} rows={stats.shippings.map((s) => ({ label: s.name, value: s.orders, text: displayCell({ percent: s.percent }, locale) }))} />)}
        </section>
      </div>
      <section class="stats-block">{table('products')}</section>
      <section class="stats-block">{table('categories')}</section>
    </AdminLayout>
  );
}

function Figure(props: { label: string; value: string }) {
  return (
    <div class="stats-figure">
      <dt>{props.label}</dt>
      <dd>{props.value}</dd>
    </div>
  );
}

/** A table under its heading and CSV link, with its chart (if any) between them. */
function StatsTableView(props: { ctx: PageContext; table: StatsTable; csv: string; children?: ComponentChildren }) {
  const { ctx, table } = props;
  const id = `table-${table.key}`;
  return (
    <div class="stats-table">
      <div class="stats-table-head">
        <h2 id={id}>{ctx.t(table.title)}</h2>
        <a class="stats-csv" href={props.csv} download>
          {ctx.t('stats.csv')}
        </a>
      </div>
      {props.children}
      <div class="table-scroll">
        <table class="index-table" aria-labelledby={id}>
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c.label} scope="col" class={c.num ? 'num' : undefined}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, i) => (
              <tr key={i}>
                {row.map((cell, k) => (
                  <td key={k} class={table.columns[k]!.num ? 'num' : undefined}>
                    {displayCell(cell, ctx.locale)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
