/** Tables shared by the customer profile and the one-time buyer's page: their orders and the emails sent to them. */
import { formatMoney } from '../../../domain/money/money.js';
import type { SubjectEmail, SubjectOrder } from '../../../services/customers/ports.js';
import { formatDateTime } from '../../views/format.js';
import type { PageContext } from '../../views/page-context.js';
import { ORDERS_PATH, PaymentBadge, StatusBadge } from '../orders/badges.js';
import type { MessageKey } from '../../i18n/messages.js';

export function OrdersTable({ ctx, orders, markGuest }: { ctx: PageContext; orders: SubjectOrder[]; markGuest?: boolean }) {
  const { t, locale } = ctx;
  if (orders.length === 0) return <p class="muted">{t('customers.noOrders')}</p>;
  return (
    <div class="table-scroll">
      <table class="index-table customer-table">
        <thead>
          <tr>
            <th scope="col">{t('customers.col.number')}</th>
            <th scope="col">{t('customers.col.date')}</th>
            <th scope="col">{t('customers.col.status')}</th>
            <th scope="col" class="num">{t('customers.col.total')}</th>
          </tr>
        </thead>
        <tbody>
          {orders.map((o) => (
            <tr key={o.id}>
              <td>
                <a href={`${ORDERS_PATH}/${o.number}`}>{o.number}</a> {markGuest && o.customerId === null && <small class="muted">({t('customers.guestOrder')})</small>}
              </td>
              <td class="nowrap">{formatDateTime(o.createdAt, locale)}</td>
              <td>
                <StatusBadge ctx={ctx} status={o.status} /> <PaymentBadge ctx={ctx} status={o.paymentStatus} />
              </td>
              <td class="num">{formatMoney(o.total, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function EmailsTable({ ctx, emails }: { ctx: PageContext; emails: SubjectEmail[] }) {
  const { t, locale } = ctx;
  if (emails.length === 0) return <p class="muted">{t('customers.noEmails')}</p>;
  return (
    <div class="table-scroll">
      <table class="index-table customer-table">
        <thead>
          <tr>
            <th scope="col">{t('customers.col.date')}</th>
            <th scope="col">{t('customers.col.subject')}</th>
            <th scope="col">{t('customers.col.to')}</th>
            <th scope="col">{t('customers.col.state')}</th>
          </tr>
        </thead>
        <tbody>
          {emails.map((e) => (
            <tr key={e.id}>
              <td class="nowrap">{formatDateTime(e.sentAt ?? e.createdAt, locale)}</td>
              <td>
                {e.subject}
                <div class="muted">{t(`customers.kind.${e.kind}` as MessageKey)}</div>
              </td>
              <td>{e.to}</td>
              <td>
                <span class={`badge badge-outline mail-${e.status}`}>{t(`customers.mail.${e.status}` as MessageKey)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
