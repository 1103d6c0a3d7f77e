/**
 * Orders as their customer sees them: only their own, and of the timeline only what concerns them — status
 * changes, parcels with tracking links and a withdrawal. Internal notes and the shop's own texts never leave here.
 */
import { withdrawalState, WITHDRAWAL_EVENT, type WithdrawalState } from '../../domain/accounts/withdrawal.js';
import { trackingUrl } from '../../domain/orders/carriers.js';
import type { OrderStatus } from '../../domain/orders/order-status.js';
import type { Clock } from '../ports.js';
import { carrierName } from '../orders/change-order-status.js';
import type { Order, OrderRepo } from '../orders/ports.js';
import type { OrderPanelRepo } from '../orders/panel-ports.js';
import type { AccountRepo } from './ports.js';

export type CustomerOrderDeps = { accounts: AccountRepo; orders: OrderRepo; orderPanel: OrderPanelRepo; clock: Clock };

export type CustomerHistoryEntry = { at: string; kind: 'created' | 'status' | 'withdrawal'; status: OrderStatus | null };

export type CustomerOrderView = {
  order: Order;
  history: CustomerHistoryEntry[];
  parcels: { carrier: string; carrierName: string; trackingNumber: string; trackingUrl: string | null }[];
  withdrawal: WithdrawalState;
  withdrawnAt: string | null;
};

/** The order of this customer, or null — for another customer's order exactly as for one that does not exist. */
export async function customerOrder(deps: CustomerOrderDeps, customerId: number, number: string): Promise<Order | null> {
  if (!/^\d{1,10}$/.test(number)) return null;
  const order = await deps.orders.findByNumber(number);
  return order && order.customerId === customerId ? order : null;
}

export async function customerOrderView(deps: CustomerOrderDeps, order: Order): Promise<CustomerOrderView> {
  const [events, parcels, milestones] = await Promise.all([deps.orderPanel.timeline(order.id), deps.orderPanel.parcels(null, order.id), deps.accounts.orderMilestones(null, order.id)]);
  const history: CustomerHistoryEntry[] = [
    { at: order.createdAt, kind: 'created', status: 'new' },
    // A whitelist of kinds, and never an event marked internal, whatever its kind.
    ...events
      .filter((e) => !e.internal && ((e.kind === 'status' && e.statusTo) || e.kind === WITHDRAWAL_EVENT))
      .map((e) => ({ at: e.at, kind: e.kind === WITHDRAWAL_EVENT ? ('withdrawal' as const) : ('status' as const), status: e.kind === WITHDRAWAL_EVENT ? null : e.statusTo }))
      .reverse(),
  ];
  return {
    order,
    history,
    parcels: parcels.map((p) => ({ carrier: p.carrier, carrierName: carrierName(p.carrier), trackingNumber: p.trackingNumber, trackingUrl: trackingUrl(p.carrier, p.trackingNumber) })),
    withdrawal: withdrawalState({ status: milestones.status, deliveredAt: milestones.deliveredAt, withdrawnAt: milestones.withdrawnAt, now: deps.clock.now() }),
    withdrawnAt: milestones.withdrawnAt?.toISOString() ?? null,
  };
}
