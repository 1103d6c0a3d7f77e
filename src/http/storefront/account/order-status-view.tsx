/**
 * What a customer sees of an order's progress — status and payment badges, the status history, parcels with
 * tracking links — and the withdrawal box; shared by the account's order page and the guest's tokenised page.
 */
import { STATUS_NAMES, type OrderStatus, type PaymentStatus } from '../../../domain/orders/order-status.js';
import type { CustomerOrderView } from '../../../services/accounts/customer-orders.js';
import { formatDateTime } from '../../views/format.js';
import type { PageContext } from '../../views/page-context.js';

export function StatusBadge({ ctx, status }: { ctx: PageContext; status: OrderStatus }) {
  return <span class={`badge badge-${status}`}>{STATUS_NAMES[status][ctx.locale]}</span>;
}

export function PaymentBadge({ ctx, status }: { ctx: PageContext; status: PaymentStatus }) {
  return <span class={`badge badge-outline payment-${status}`}>{ctx.t(`orders.payment.${status}`)}</span>;
}

const DATE = { cs: new Intl.DateTimeFormat('cs-CZ', { timeZone: 'Europe/Prague', dateStyle: 'long' }), en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Prague', dateStyle: 'long' }) };

export function OrderProgress({ ctx, view, withdrawHref }: { ctx: PageContext; view: CustomerOrderView; withdrawHref: string }) {
  const { t, locale } = ctx;
  const { order, withdrawal } = view;
  return (
    <section class="order-progress stack" aria-labelledby="progress-title">
      <h2 id="progress-title">{t('account.order.progress')}</h2>
      <p>
        <StatusBadge ctx={ctx} status={order.status} /> <PaymentBadge ctx={ctx} status={order.paymentStatus} />
        {view.withdrawnAt && <span class="badge badge-withdrawal">{t('account.withdrawal.badge')}</span>}
      </p>
      <ol class="order-history">
        {view.history.map((h, i) => (
          <li key={i}>
            <time dateTime={h.at}>{formatDateTime(h.at, locale)}</time>{' '}
            {h.kind === 'created' ? t('account.order.created') : h.kind === 'withdrawal' ? t('account.withdrawal.recorded') : <StatusBadge ctx={ctx} status={h.status!} />}
          </li>
        ))}
      </ol>
      {view.parcels.length > 0 && (
        <>
          <h3>{t('account.order.parcels')}</h3>
          <ul class="order-parcels">
            {view.parcels.map((p) => (
              <li key={p.trackingNumber}>
                {p.carrierName}: {p.trackingUrl ? (
                  <a href={p.trackingUrl} rel="noopener noreferrer" target="_blank">
                    {p.trackingNumber}
                  </a>
                ) : (
                  p.trackingNumber
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      <div class="withdrawal-box" id="odstoupeni">
        <h3>{t('account.withdrawal.title')}</h3>
        {withdrawal.open ? (
          <>
            <p>{withdrawal.until ? t('account.withdrawal.openUntil', { date: DATE[locale].format(withdrawal.until) }) : t('account.withdrawal.openBeforeDelivery')}</p>
            <p>
              <a class="button" href={withdrawHref}>
                {t('account.withdrawal.action')}
              </a>
            </p>
          </>
        ) : (
          <p>{t(`field.${withdrawal.reason}`)}</p>
        )}
      </div>
    </section>
  );
}
