/** The order status badge (one colour per status) and the outlined payment badge, used in the list and the detail. */
import { STATUS_NAMES, type OrderStatus, type PaymentStatus } from '../../../domain/orders/order-status.js';
import type { PageContext } from '../../views/page-context.js';

export const ORDERS_PATH = '/admin/objednavky';

export const statusName = (ctx: PageContext, status: OrderStatus) => STATUS_NAMES[status][ctx.locale];

export function StatusBadge({ ctx, status }: { ctx: PageContext; status: OrderStatus }) {
  return <span class={`badge badge-${status}`}>{statusName(ctx, status)}</span>;
}

export function PaymentBadge({ ctx, status }: { ctx: PageContext; status: PaymentStatus }) {
  return <span class={`badge badge-outline payment-${status}`}>{ctx.t(`orders.payment.${status}`)}</span>;
}
