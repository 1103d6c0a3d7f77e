/** The Zákazníci list: registered customers (sortable by registration, order count, money spent) and one-time buyers by email. */
import type { CustomerSort } from '../../../domain/customers/customer-list.js';
import { formatMoney } from '../../../domain/money/money.js';
import type { CustomerSummary, GuestSummary } from '../../../services/customers/ports.js';
import { AdminLayout, type AdminFrame } from '../../views/admin-layout.js';
import type { Flash } from '../../views/components.js';
import { formatDateTime } from '../../views/format.js';
import type { PageContext } from '../../views/page-context.js';

export const CUSTOMERS_PATH = '/admin/zakaznici';
export const GUESTS_PATH = `${CUSTOMERS_PATH}/jednorazovi`;
export const guestUrl = (email: string) => `${GUESTS_PATH}?${new URLSearchParams({ email })}`;

type ListProps = { ctx: PageContext; admin: AdminFrame; flash: Flash | null; q: string; next: string | null; paged: boolean };

const link = (path: string, params: Record<string, string | undefined>) => {
  const query = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1]));
  return query.size ? `${path}?${query}` : path;
};

function Frame(props: ListProps & { tab: 'registered' | 'guests'; sort?: CustomerSort; children: preact.ComponentChildren }) {
  const { ctx, q } = props;
  const { t } = ctx;
  const path = props.tab === 'guests' ? GUESTS_PATH : CUSTOMERS_PATH;
  return (
    <AdminLayout ctx={ctx} title={t('nav.customers')} admin={props.admin} current="customers" flash={props.flash}>
      <nav class="tabs" aria-label={t('nav.customers')}>
        <a href={link(CUSTOMERS_PATH, { q })} aria-current={props.tab === 'registered' ? 'page' : undefined}>
          {t('customers.tab.registered')}
        </a>
        <a href={link(GUESTS_PATH, { q })} aria-current={props.tab === 'guests' ? 'page' : undefined}>
          {t('customers.tab.guests')}
        </a>
      </nav>
      <form method="get" action={path} role="search" class="field-row list-filters">
        {props.sort && props.sort !== 'registered' && <input type="hidden" name="razeni" value={props.sort} />}
        <div class="field">
          <label for="q">{t('customers.search')}</label>
          <input id="q" name="q" type="search" value={q} maxLength={100} />
        </div>
        <div class="filter-actions">
          <button type="submit">{t('customers.searchButton')}</button>
        </div>
      </form>
      {props.children}
      <p class="pager">
        {props.paged && <a href={link(path, { q, razeni: props.sort === 'registered' ? undefined : props.sort })}>← {t('customers.first')}</a>}{' '}
        {props.next && <a href={link(path, { q, razeni: props.sort === 'registered' ? undefined : props.sort, po: props.next })}>{t('customers.next')} →</a>}
      </p>
    </AdminLayout>
  );
}

export function CustomerList(props: ListProps & { customers: CustomerSummary[]; sort: CustomerSort }) {
  const { ctx, sort, q } = props;
  const { t, locale } = ctx;
  const SortHeader = ({ by, label, num }: { by: CustomerSort; label: string; num?: boolean }) => (
    <th scope="col" class={num ? 'num' : undefined} aria-sort={sort === by ? 'descending' : undefined}>
      <a href={link(CUSTOMERS_PATH, { q, razeni: by === 'registered' ? undefined : by })}>
        {label}
        {sort === by && <span aria-hidden="true"> ▼</span>}
      </a>
    </th>
  );
  return (
    <Frame {...props} tab="registered">
      {props.customers.length === 0 ? (
        <div class="empty-state">
          <p>{t(q ? 'customers.emptySearch' : 'customers.empty')}</p>
        </div>
      ) : (
        <div class="table-scroll">
          <table class="index-table">
            <thead>
              <tr>
                <th scope="col">{t('customers.col.name')}</th>
                <th scope="col">{t('customers.col.email')}</th>
                <th scope="col">{t('customers.col.phone')}</th>
                <SortHeader by="registered" label={t('customers.col.registered')} />
                <SortHeader by="orders" label={t('customers.col.orders')} num />
                <SortHeader by="spent" label={t('customers.col.spent')} num />
              </tr>
            </thead>
            <tbody>
              {props.customers.map((c) => (
                <tr key={c.id}>
                  <td>
                    <a href={`${CUSTOMERS_PATH}/${c.id}`}>{c.name}</a>
                    {c.company && <div class="muted">{c.company}{c.ico ? `, IČO ${c.ico}` : ''}</div>}{' '}
                    {c.blocked && !c.anonymizedAt && <span class="badge badge-outline">{t('customers.blocked')}</span>}
                    {c.anonymizedAt && <span class="badge badge-cancelled">{t('customers.anonymized')}</span>}
                  </td>
                  <td>{c.email}</td>
                  <td>{c.phone}</td>
                  <td>{formatDateTime(c.createdAt, locale)}</td>
                  <td class="num">{c.orderCount}</td>
                  <td class="num">{formatMoney(c.totalSpent, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Frame>
  );
}

export function GuestList(props: ListProps & { guests: GuestSummary[] }) {
  const { ctx, q } = props;
  const { t, locale } = ctx;
  return (
    <Frame {...props} tab="guests">
      {props.guests.length === 0 ? (
        <div class="empty-state">
          <p>{t(q ? 'customers.emptySearch' : 'customers.guestsEmpty')}</p>
        </div>
      ) : (
        <div class="table-scroll">
          <table class="index-table">
            <thead>
              <tr>
                <th scope="col">{t('customers.col.email')}</th>
                <th scope="col">{t('customers.col.name')}</th>
                <th scope="col">{t('customers.col.phone')}</th>
                <th scope="col" aria-sort="descending">{t('customers.col.lastOrder')}</th>
                <th scope="col" class="num">{t('customers.col.orders')}</th>
                <th scope="col" class="num">{t('customers.col.spent')}</th>
              </tr>
            </thead>
            <tbody>
              {props.guests.map((g) => (
                <tr key={g.email}>
                  <td>
                    <a href={guestUrl(g.email)}>{g.email}</a>
                  </td>
                  <td>{g.name}</td>
                  <td>{g.phone}</td>
                  <td>{formatDateTime(g.lastOrderAt, locale)}</td>
                  <td class="num">{g.orderCount}</td>
                  <td class="num">{formatMoney(g.totalSpent, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Frame>
  );
}
