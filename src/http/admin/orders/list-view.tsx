/** The Orders panel list: status tabs with counts, search and filters in one row, the index table with bulk selection, keyset paging. */
import { ORDER_STATUSES, PAYMENT_STATUSES, type OrderStatus } from '../../../domain/orders/order-status.js';
import { CsrfField } from '../../views/components.js';
import { BulkBar } from './bulk-view.js';
import { formatMoney } from '../../../domain/money/money.js';
import type { OrderListPage } from '../../../services/orders/panel-ports.js';
import { AdminLayout, type AdminFrame } from '../../views/admin-layout.js';
import type { Flash } from '../../views/components.js';
import { formatDateTime } from '../../views/format.js';
import type { PageContext } from '../../views/page-context.js';
import { DayRangeFields, FilterActions } from './list-filters.js';
import { encodeCursor } from './list-query.js';
import { ORDERS_PATH, PaymentBadge, StatusBadge, statusName } from './badges.js';
import { PAYMENTS_PATH } from '../payments/list-view.js';
import { INVOICES_PATH } from '../invoices/paths.js';

export type ListFilters = { status: string; payment: string; q: string; from: string; to: string };

const href = (filters: Partial<ListFilters> & { cursor?: string; before?: string }) => {
  const params = new URLSearchParams(Object.entries(filters).filter(([, v]) => v) as [string, string][]);
  return params.size ? `${ORDERS_PATH}?${params}` : ORDERS_PATH;
};

export type ListSelection = { all: boolean; script: string; selfUrl: string };

export function OrderList(props: { ctx: PageContext; admin: AdminFrame; flash: Flash | null; page: OrderListPage; counts: Record<OrderStatus, number>; filters: ListFilters; selection: ListSelection }) {
  const { ctx, page, filters } = props;
  const { t } = ctx;
  const total = Object.values(props.counts).reduce((a, b) => a + b, 0);
  const filtered = !!(filters.q || filters.payment || filters.from || filters.to || filters.status);
  const tabs = [{ key: '', label: t('orders.tab.all'), count: total }, ...ORDER_STATUSES.map((s) => ({ key: s, label: statusName(ctx, s), count: props.counts[s] }))];
  return (
    <AdminLayout ctx={ctx} title={t('nav.orders')} admin={props.admin} current="orders" flash={props.flash} actions={<><a class="button" href={INVOICES_PATH}>{t('invoices.title')}</a> <a class="button" href={PAYMENTS_PATH}>{t('payments.title')}</a></>}>
      <nav class="tabs" aria-label={t('orders.col.status')}>
        {tabs.map((tab) => (
          <a key={tab.key} href={href({ ...filters, status: tab.key })} aria-current={filters.status === tab.key ? 'page' : undefined}>
            {tab.label} <span class="tab-count">{tab.count}</span>
          </a>
        ))}
      </nav>
      <form method="get" action={ORDERS_PATH} role="search" class="order-filters">
        {filters.status && <input type="hidden" name="status" value={filters.status} />}
        <div class="field order-search">
          <label for="q">{t('orders.search')}</label>
          <input id="q" name="q" type="search" value={filters.q} maxLength={100} />
        </div>
        <div class="field">
          <label for="payment">{t('orders.payment')}</label>
          <select id="payment" name="payment">
            <option value="">{t('orders.payment.any')}</option>
            {PAYMENT_STATUSES.map((p) => (
              <option key={p} value={p} selected={filters.payment === p}>
                {t(`orders.payment.${p}`)}
              </option>
            ))}
          </select>
        </div>
        <DayRangeFields ctx={ctx} from={filters.from} to={filters.to} />
        <FilterActions ctx={ctx} filtered={filtered} clearHref={ORDERS_PATH} />
      </form>
      {page.items.length === 0 ? (
        <div class="empty-state">
          <p>{t(total === 0 ? 'orders.empty' : 'orders.emptyFiltered')}</p>
          {total === 0 ? (
            <p>
              <a href="/admin/zbozi">{t('nav.products')}</a> · <a href="/admin/konfigurace">{t('nav.settings')}</a>
            </p>
          ) : (
            <p>
              <a href={ORDERS_PATH}>{t('orders.clear')}</a>
            </p>
          )}
        </div>
      ) : (
        // One form around the table: the ticked rows go with whichever action button is pressed (no JavaScript needed).
        <form method="post" action={`${ORDERS_PATH}/hromadne/stav`} class="bulk-form" id="bulk-form">
          <CsrfField token={props.admin.csrfToken} />
          <BulkBar ctx={ctx} selection={props.selection} />
        <div class="table-scroll">
          <table class="index-table order-table">
            <thead>
              <tr>
                <th scope="col" class="select-col">
                  <input type="checkbox" id="select-all" class="select-all" hidden aria-label={t('orders.bulk.selectAll')} />
                  <span class="visually-hidden">{t('orders.col.select')}</span>
                </th>
                <th scope="col">{t('orders.col.number')}</th>
                <th scope="col">{t('orders.col.date')}</th>
                <th scope="col">{t('orders.col.customer')}</th>
                <th scope="col" class="num">
                  {t('orders.col.total')}
                </th>
                <th scope="col">{t('orders.col.paymentMethod')}</th>
                <th scope="col">{t('orders.col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((o) => (
                <tr key={o.id}>
                  <td class="select-col">
                    <input type="checkbox" name="numbers" value={o.number} checked={props.selection.all} aria-label={t('orders.bulk.select', { number: o.number })} />
                  </td>
                  <td>
                    <a href={`${ORDERS_PATH}/${o.number}`}>{o.number}</a>
                    {o.hasNotes && (
                      <span class="note-marker" title={t('orders.hasNotes')}>
                        <span class="visually-hidden">{t('orders.hasNotes')}</span>✎
                      </span>
                    )}
                  </td>
                  <td class="nowrap">{formatDateTime(o.createdAt, ctx.locale)}</td>
                  <td>
                    {o.name}
                    <br />
                    <span class="muted">{o.email}</span>
                  </td>
                  <td class="num">{formatMoney(o.total, ctx.locale)}</td>
                  <td>{o.paymentName}</td>
                  <td>
                    <StatusBadge ctx={ctx} status={o.status} /> <PaymentBadge ctx={ctx} status={o.paymentStatus} />
                    {o.trackingMissing && <span class="flag-missing">{t('orders.trackingMissing')}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        </form>
      )}
      <script src={props.selection.script} defer />
      {(page.previous || page.next) && (
        <nav class="pager" aria-label={t('orders.col.number')}>
          {page.previous && <a href={href({ ...filters, before: encodeCursor(page.previous) })}>← {t('orders.previous')}</a>}
          {page.next && <a href={href({ ...filters, cursor: encodeCursor(page.next) })}>{t('orders.next')} →</a>}
        </nav>
      )}
    </AdminLayout>
  );
}
