/**
 * Records a consumer's withdrawal from the contract (the whole order) on the order's timeline and queues the
 * acknowledgement with its content, date and time — in one transaction, so neither exists without the other.
 */
import { DomainError } from '../../domain/errors.js';
import { cleanReason, withdrawalState, WITHDRAWAL_EVENT } from '../../domain/accounts/withdrawal.js';
import { withdrawalAckEmail, withdrawalEventText } from '../../domain/accounts/account-emails.js';
import type { Clock, OutboxRepo, Transactor } from '../ports.js';
import { queueEmail } from '../mail/queue-email.js';
import type { SettingsRepo } from '../settings/ports.js';
import { getSettings } from '../settings/get-settings.js';
import { senderAddress } from '../settings/sender-address.js';
import { orderUrl } from '../orders/order-links.js';
import type { Order, OrderRepo } from '../orders/ports.js';
import type { AccountRepo } from './ports.js';

export type WithdrawDeps = { accounts: AccountRepo; orders: OrderRepo; settings: SettingsRepo; outbox: OutboxRepo; transactor: Transactor; clock: Clock; publicUrl: string };

/** The caller has already checked that the order is this visitor's (their account or the order's token). */
export async function withdrawOrder(deps: WithdrawDeps, input: { order: Order; reason: unknown; by: 'customer' | 'guest' }): Promise<{ at: Date }> {
  const { order } = input;
  const reason = cleanReason(input.reason);
  const settings = await getSettings(deps);
  return deps.transactor.run(async (tx) => {
    const now = deps.clock.now();
    const milestones = await deps.accounts.orderMilestones(tx, order.id);
    const state = withdrawalState({ status: milestones.status, deliveredAt: milestones.deliveredAt, withdrawnAt: milestones.withdrawnAt, now });
    if (!state.open) throw new DomainError('conflict', 'withdrawal not possible', { withdrawal: state.reason });
    const by = `${input.by === 'customer' ? 'zákazník (účet)' : 'zákazník (odkaz z e-mailu)'} ${order.email}`;
    const mail = withdrawalAckEmail(order.locale, {
      shopName: settings.shop.name || 'Kramek',
      orderNumber: order.number,
      customerName: order.name,
      at: now,
      items: order.items.map((i) => ({ name: i.name, quantity: i.quantity })),
      reason,
      orderUrl: orderUrl(deps.publicUrl, order),
    });
    await queueEmail(deps, tx, { kind: 'withdrawal', orderId: order.id, to: order.email, from: senderAddress(settings), ...mail });
    await deps.orders.addEvents(tx, order.id, [{ kind: WITHDRAWAL_EVENT, actor: `Zákazník (${order.email})`, internal: false, text: withdrawalEventText({ at: now, by, reason }), at: now }]);
    return { at: now };
  });
}
