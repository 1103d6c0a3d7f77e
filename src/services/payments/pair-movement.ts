/**
 * Pairs bank movements with orders: each movement is stored once (its account and bank id are unique) and, when it
 * pays an order in full, the order is marked paid through the one service that does so — in the same transaction,
 * with the timeline entry, the invoice on payment and the customer's email. The owner pairs by hand or ignores
 * what waits.
 */
import { DomainError } from '../../domain/errors.js';
import type { BankMovement } from '../../domain/payments/bank-movement.js';
import { formatMoney } from '../../domain/money/money.js';
import { candidateSymbols, decidePairing, type PairingDecision } from '../../domain/payments/pairing.js';
import type { Settings } from '../../domain/settings/settings.js';
import { applyPaymentStatus } from '../orders/order-panel-actions.js';
import type { OrderPanelDeps } from '../orders/change-order-status.js';
import type { Order } from '../orders/ports.js';
import type { Tx } from '../ports.js';
import { getSettings } from '../settings/get-settings.js';
import { queuePaymentEmail } from './payment-email.js';
import type { MovementSource, OrderForPayment, PaymentRepo } from './ports.js';

export type PairingDeps = OrderPanelDeps & { payments: PaymentRepo };

export type PairResult = PairingDecision | { outcome: 'duplicate' };

export const movementKey = (m: Pick<BankMovement, 'account' | 'bankId'>) => `${m.account}:${m.bankId}`;

const describe = (m: BankMovement) => `bankovní platba ${formatMoney(m.amount)}${m.variableSymbol ? `, VS ${m.variableSymbol}` : ''}, pohyb ${m.bankId}`;

/** The order a movement names: its variable symbol first, then a symbol in its message. */
async function findOrder(deps: PairingDeps, tx: Tx, movement: BankMovement): Promise<OrderForPayment | null> {
  for (const symbol of candidateSymbols(movement)) {
    const found = await deps.payments.ordersBySymbol(tx, symbol);
    // Two orders with one symbol (an invoice numbered like another order): the owner decides.
    if (found.length === 1) return found[0]!;
    if (found.length > 1) return null;
  }
  return null;
}

/** Marks the order paid from a movement (inside `tx`): the timeline, the invoice on payment, the customer's email. */
async function payOrder(deps: PairingDeps, tx: Tx, order: Order, paymentStatus: string, settings: Settings, movement: BankMovement, actor: string) {
  await applyPaymentStatus(deps, tx, { ...order, paymentStatus: paymentStatus as Order['paymentStatus'] }, 'paid', { actor, settings, detail: describe(movement) });
  await deps.payments.settlePartials(tx, order.id);
  await queuePaymentEmail(deps, tx, order, settings, movement.amount);
}

/** Stores one movement and pairs it; `duplicate` when the same movement was imported before (nothing changes). */
export async function pairMovement(deps: PairingDeps, movement: BankMovement, source: MovementSource, actor: string, settings: Settings): Promise<PairResult> {
  return deps.transactor.run(async (tx) => {
    const named = movement.amount > 0 ? await findOrder(deps, tx, movement) : null;
    const current = named ? await deps.payments.lockOrder(tx, named.id) : null;
    const received = current ? await deps.payments.receivedFor(tx, current.id) : 0;
    const decision = decidePairing(movement, current, received);
    const id = await deps.payments.insertMovement(tx, { ...movement, source, outcome: decision.outcome, reason: decision.reason, orderId: decision.orderId, importedAt: deps.clock.now(), importedBy: actor });
    if (id === null) return { outcome: 'duplicate' } as const;
    if (decision.markPaid && current) {
      const order = await deps.orders.findByNumberIn(tx, current.number);
      if (order) await payOrder(deps, tx, order, current.paymentStatus, settings, movement, actor);
    } else if (decision.outcome === 'partial' && current) {
      await deps.orders.addEvents(tx, current.id, [{ kind: 'payment', actor, internal: false, text: `Částečná platba: ${describe(movement)}; přijato celkem ${formatMoney(received + movement.amount)} z ${formatMoney(current.total)}`, at: deps.clock.now() }]);
    }
    return decision;
  });
}

/** The owner pairs a waiting movement with an order: the order is marked paid (the owner accepts the amount). */
export async function pairMovementByHand(deps: PairingDeps, input: { movementId: number; orderNumber: unknown; actor: string }) {
  const number = typeof input.orderNumber === 'string' ? input.orderNumber.trim() : '';
  if (!/^\d{1,10}$/.test(number)) throw new DomainError('validation', 'order number', { orderNumber: 'order_number_invalid' });
  const settings = await getSettings(deps);
  return deps.transactor.run(async (tx) => {
    const movement = await deps.payments.movement(tx, input.movementId);
    if (!movement) throw new DomainError('not_found');
    if (movement.outcome !== 'unmatched' && movement.outcome !== 'partial') throw new DomainError('conflict', 'movement already resolved', undefined, { params: { code: 'movement_resolved' } });
    const found = await deps.payments.orderByNumber(tx, number);
    if (!found) throw new DomainError('validation', 'no such order', { orderNumber: 'order_not_found' });
    const current = (await deps.payments.lockOrder(tx, found.id))!;
    if (movement.currency !== current.currency) throw new DomainError('validation', 'currency', { orderNumber: 'payment_currency_differs' });
    // A partial payment confirmed by hand for its own order counts once, not twice.
    const received = (await deps.payments.receivedFor(tx, current.id)) - (movement.outcome === 'partial' && movement.orderId === current.id ? movement.amount : 0);
    const total = received + movement.amount;
    const now = deps.clock.now();
    if (current.paymentStatus !== 'unpaid') throw new DomainError('conflict', 'order already paid', undefined, { params: { code: 'order_already_paid' } });
    await deps.payments.resolveMovement(tx, movement.id, { outcome: total > current.total ? 'overpaid' : 'paid', reason: null, orderId: current.id, at: now, by: input.actor });
    const order = (await deps.orders.findByNumberIn(tx, current.number))!;
    await payOrder(deps, tx, order, current.paymentStatus, settings, movement, input.actor);
    return { orderNumber: current.number, received: total, total: current.total };
  });
}

/** The owner sets a waiting movement aside (not a payment for an order: a refund from a supplier, a transfer). */
export async function ignoreMovement(deps: PairingDeps, input: { movementId: number; actor: string }) {
  await deps.transactor.run(async (tx) => {
    const movement = await deps.payments.movement(tx, input.movementId);
    if (!movement) throw new DomainError('not_found');
    if (movement.outcome !== 'unmatched' && movement.outcome !== 'partial') throw new DomainError('conflict', 'movement already resolved', undefined, { params: { code: 'movement_resolved' } });
    await deps.payments.resolveMovement(tx, movement.id, { outcome: 'ignored', reason: movement.reason, orderId: movement.orderId, at: deps.clock.now(), by: input.actor });
  });
}
