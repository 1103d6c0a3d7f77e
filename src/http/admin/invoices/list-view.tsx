/** The Invoices list of the Orders panel: filters (series, paid/unpaid, issue days), the index table, paging, the Pohoda export. */
import { documentTitle } from '../../../domain/invoices/document-titles.js';
import { formatMoney } from '../../../domain/money/money.js';
import type { InvoiceListRow } from '../../../services/invoices/ports.js';
import { AdminLayout, type AdminFrame } from '../../views/admin-layout.js';
import type { Flash } from '../../views/components.js';
import type { PageContext } from '../../views/page-context.js';
import { DayRangeFields, FilterActions } from '../orders/list-filters.js';
import { invoiceState } from '../../api/invoice-view.js';
import { ORDERS_PATH, PaymentBadge } from '../orders/badges.js';
import { DocumentLinks, formatDay } from './order-documents.js';
import { INVOICES_PATH } from './paths.js';

export type InvoiceFilters = { series: string; paid: string; from: string; to: string };

const href = (params: Record<string, string>) => {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v));
  return query.size ? `${INVOICES_PATH}?${query}` : INVOICES_PATH;
};

function Select(props: { id: string; label: string; value: string; options: [string, string][] }) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select id={props.id} name={props.id}>
        {props.options.map(([value, label]) => (
          <option key={value} value={value} selected={props.value === value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function InvoiceList(props: { ctx: PageContext; admin: AdminFrame; flash: Flash | null; items: InvoiceListRow[]; next: number | null; filters: InvoiceFilters; any: boolean }) {
  const { ctx, filters } = props;
  const { t, locale } = ctx;
  const filtered = Object.values(filters).some(Boolean);
  const day = (d: string) => formatDay(d, locale);
  return (
    <AdminLayout ctx={ctx} title={t('invoices.title')} admin={props.admin} current="orders" flash={props.flash}>
      <p>
        <a href={ORDERS_PATH}>← {t('invoices.backToOrders')}</a>
      </p>
      <p class="lead">{t('invoices.lead')}</p>
      <form method="get" action={INVOICES_PATH} role="search" class="order-filters">
        <Select id="series" label={t('invoices.series')} value={filters.series} options={[['', t('invoices.series.any')], ['invoice', t('invoices.kind.invoice')], ['credit_note', t('invoices.kind.credit_note')]]} />
        <Select id="paid" label={t('invoices.paid')} value={filters.paid} options={[['', t('invoices.paid.any')], ['paid', t('invoices.paid.paid')], ['unpaid', t('invoices.paid.unpaid')]]} />
        <DayRangeFields ctx={ctx} from={filters.from} to={filters.to} />
        <FilterActions ctx={ctx} filtered={filtered} clearHref={INVOICES_PATH} />
      </form>
      {props.items.length === 0 ? (
        <div class="empty-state">
          <p>{t(props.any || filtered ? 'invoices.emptyFiltered' : 'invoices.empty')}</p>
        </div>
      ) : (
        <div class="table-scroll">
          <table class="index-table">
            <thead>
              <tr>
                <th scope="col">{t('invoices.col.number')}</th>
                <th scope="col">{t('invoices.col.kind')}</th>
                <th scope="col">{t('invoices.col.issueDate')}</th>
                <th scope="col">{t('invoices.col.taxableDate')}</th>
                <th scope="col">{t('invoices.col.order')}</th>
                <th scope="col">{t('invoices.col.customer')}</th>
                <th scope="col" class="num">{t('invoices.col.total')}</th>
                <th scope="col">{t('invoices.col.state')}</th>
                <th scope="col">{t('invoices.col.files')}</th>
              </tr>
            </thead>
            <tbody>
              {props.items.map((i) => (
                <tr key={i.id}>
                  <td class="nowrap">{i.number}</td>
                  <td>{documentTitle(i, locale)}</td>
                  <td class="nowrap">{day(i.issueDate)}</td>
                  <td class="nowrap">{i.vatPayer ? day(i.taxableDate) : '–'}</td>
                  <td>
                    <a href={`${ORDERS_PATH}/${i.orderNumber}#doklady`}>{i.orderNumber}</a>
                  </td>
                  <td>{i.customerName}</td>
                  <td class="num nowrap">{formatMoney(i.total, locale)}</td>
                  <td>
                    {t(`invoices.state.${invoiceState(i)}`)} <PaymentBadge ctx={ctx} status={i.paymentStatus} />
                  </td>
                  <td class="nowrap">
                    <DocumentLinks ctx={ctx} id={i.id} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {props.next !== null && (
        <nav class="pager" aria-label={t('invoices.title')}>
          <a href={href({ ...filters, cursor: String(props.next) })}>{t('orders.next')} →</a>
        </nav>
      )}
      <section class="panel-box" aria-labelledby="export-title">
        <h2 id="export-title">{t('invoices.export')}</h2>
        <p class="hint">{t('invoices.exportHint')}</p>
        <form method="get" action={`${INVOICES_PATH}/export.xml`} class="order-filters">
          <div class="field">
            <label for="export-from">{t('orders.from')}</label>
            <input id="export-from" name="from" type="date" value={filters.from} required />
          </div>
          <div class="field">
            <label for="export-to">{t('orders.to')}</label>
            <input id="export-to" name="to" type="date" value={filters.to} required />
          </div>
          <div class="filter-actions">
            <button type="submit">{t('invoices.exportDownload')}</button>
          </div>
        </form>
      </section>
    </AdminLayout>
  );
}
