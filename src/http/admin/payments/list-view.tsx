/** Objednávky → Platby: filter tabs with counts, the bank movements and their pairing, pair-by-hand and ignore, the upload, Fio. */
import { formatMoney } from '../../../domain/money/money.js';
import type { MovementFilter, StoredMovement, SyncState } from '../../../services/payments/ports.js';
import type { MessageKey } from '../../i18n/messages.js';
import { AdminLayout, type AdminFrame } from '../../views/admin-layout.js';
import { CsrfField, type Flash } from '../../views/components.js';
import { formatDateTime } from '../../views/format.js';
import type { PageContext } from '../../views/page-context.js';
import { ORDERS_PATH } from '../orders/badges.js';
import { formatDay } from '../invoices/order-documents.js';

export const PAYMENTS_PATH = '/admin/objednavky/platby';
export const FILTERS: MovementFilter[] = ['waiting', 'unmatched', 'partial', 'all'];

const filterHref = (filter: MovementFilter) => (filter === 'waiting' ? PAYMENTS_PATH : `${PAYMENTS_PATH}?stav=${filter}`);
const WAITING = new Set(['unmatched', 'partial']);

export type PaymentsPageProps = {
  ctx: PageContext;
  admin: AdminFrame;
  flash: Flash | null;
  filter: MovementFilter;
  counts: Record<MovementFilter, number>;
  items: StoredMovement[];
  next: number | null;
  fio: { configured: boolean; state: SyncState };
};

function Outcome({ ctx, movement }: { ctx: PageContext; movement: StoredMovement }) {
  const { t } = ctx;
  return (
    <>
      <span class={`badge badge-outline payment-outcome-${movement.outcome}`}>{t(`payments.outcome.${movement.outcome}` as MessageKey)}</span>
      {movement.reason && movement.outcome === 'unmatched' && <span class="hint"> {t(`payments.reason.${movement.reason}` as MessageKey)}</span>}
    </>
  );
}

function RowActions({ ctx, movement, csrfToken }: { ctx: PageContext; movement: StoredMovement; csrfToken: string }) {
  const { t } = ctx;
  if (!WAITING.has(movement.outcome)) return null;
  const id = `order-${movement.id}`;
  return (
    <div class="movement-actions">
      <form method="post" action={`${PAYMENTS_PATH}/${movement.id}/sparovat`} class="inline-form">
        <CsrfField token={csrfToken} />
        <label for={id} class="visually-hidden">
          {t('payments.pairOrder')}
        </label>
        <input id={id} name="orderNumber" inputMode="numeric" size={11} maxLength={10} placeholder={t('payments.pairOrder')} value={movement.orderNumber ?? ''} required />
        <button type="submit">{t('payments.pair')}</button>
      </form>
      <form method="post" action={`${PAYMENTS_PATH}/${movement.id}/ignorovat`} class="inline-form">
        <CsrfField token={csrfToken} />
        <button type="submit">{t('payments.ignore')}</button>
      </form>
    </div>
  );
}

export function PaymentsPage(props: PaymentsPageProps) {
  const { ctx, admin } = props;
  const { t, locale } = ctx;
  const upload = `${PAYMENTS_PATH}/vypis?_csrf=${encodeURIComponent(admin.csrfToken)}`;
  return (
    <AdminLayout ctx={ctx} title={t('payments.title')} admin={admin} current="orders" flash={props.flash}>
      <p>
        <a href={ORDERS_PATH}>← {t('invoices.backToOrders')}</a>
      </p>
      <p class="lead">{t('payments.lead')}</p>
      <div class="two-columns">
        <form method="post" action={upload} enctype="multipart/form-data" class="stack panel-box">
          <h2>{t('payments.import.title')}</h2>
          <CsrfField token={admin.csrfToken} />
          <div class="field">
            <label for="statement">{t('payments.import.file')}</label>
            <p class="hint" id="statement-hint">
              {t('payments.import.hint')}
            </p>
            <input id="statement" name="statement" type="file" accept=".gpc,.abo,.txt,.xml,.json" aria-describedby="statement-hint" required />
          </div>
          <div class="form-actions">
            <button type="submit" class="button-primary">
              {t('payments.import.submit')}
            </button>
          </div>
        </form>
        <section class="stack panel-box" aria-labelledby="fio-title">
          <h2 id="fio-title">{t('payments.fio.title')}</h2>
          {props.fio.configured ? (
            <>
              <p>{props.fio.state.lastCallAt ? t('payments.fio.state', { at: formatDateTime(props.fio.state.lastCallAt, locale), result: props.fio.state.lastResult ?? '—' }) : t('payments.fio.never')}</p>
              <form method="post" action={`${PAYMENTS_PATH}/fio`}>
                <CsrfField token={admin.csrfToken} />
                <button type="submit">{t('payments.fio.now')}</button>
              </form>
            </>
          ) : (
            <p>{t('payments.fio.off')}</p>
          )}
        </section>
      </div>
      <nav class="tabs" aria-label={t('payments.title')}>
        {FILTERS.map((f) => (
          <a key={f} href={filterHref(f)} aria-current={f === props.filter ? 'page' : undefined}>
            {t(`payments.filter.${f}`)} <span class="count">{props.counts[f]}</span>
          </a>
        ))}
      </nav>
      {props.items.length === 0 ? (
        <div class="empty-state">
          <p>{t(props.filter === 'waiting' && props.counts.all > 0 ? 'payments.emptyWaiting' : 'payments.empty')}</p>
        </div>
      ) : (
        <div class="table-scroll">
          <table class="index-table movements">
            <thead>
              <tr>
                <th scope="col">{t('payments.col.date')}</th>
                <th scope="col" class="num">
                  {t('payments.col.amount')}
                </th>
                <th scope="col">{t('payments.col.vs')}</th>
                <th scope="col">{t('payments.col.message')}</th>
                <th scope="col">{t('payments.col.result')}</th>
                <th scope="col">{t('payments.col.order')}</th>
                <th scope="col">{t('payments.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {props.items.map((m) => (
                <tr key={m.id} id={`pohyb-${m.id}`}>
                  <td>{formatDay(m.bookedOn, locale)}</td>
                  <td class="num">{m.currency === 'CZK' ? formatMoney(m.amount, locale) : `${formatMoney(m.amount, locale).replace(/\s*Kč$/, '')} ${m.currency}`}</td>
                  <td>{m.variableSymbol || '—'}</td>
                  <td>
                    {m.message || '—'}
                    <br />
                    <span class="hint">{m.counterparty}</span>
                  </td>
                  <td>
                    <Outcome ctx={ctx} movement={m} />
                  </td>
                  <td>{m.orderNumber ? <a href={`${ORDERS_PATH}/${m.orderNumber}`}>{m.orderNumber}</a> : '—'}</td>
                  <td>
                    <RowActions ctx={ctx} movement={m} csrfToken={admin.csrfToken} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {props.next !== null && (
        <p>
          <a class="button" href={`${PAYMENTS_PATH}?stav=${props.filter}&pred=${props.next}`}>
            {t('orders.next')}
          </a>
        </p>
      )}
    </AdminLayout>
  );
}
