/**
 * Pairing an incoming bank movement with an order: by variable symbol, amount and currency; when the symbol is missing
 * or names no order, by a symbol found in the message for the payee. The outcome as data, decided here without I/O.
 */
import type { BankMovement } from './bank-movement.js';

export const PAIRING_OUTCOMES = ['paid', 'partial', 'overpaid', 'unmatched', 'ignored', 'outgoing'] as const;
export type PairingOutcome = (typeof PAIRING_OUTCOMES)[number];

/** Why a movement waits for the owner. */
export type UnmatchedReason = 'no_order' | 'currency' | 'already_paid' | 'order_cancelled';

export type PairableOrder = { id: number; total: number; currency: string; paymentStatus: string; status: string };

export type PairingDecision = { outcome: PairingOutcome; reason: UnmatchedReason | null; markPaid: boolean; orderId: number | null };

/**
 * The symbols worth looking up, best first: the variable symbol itself, then each run of 1–10 digits in the message
 * ("obj. 2026000123", "VS:2026000123"). Runs of more digits (account numbers, card numbers) are not symbols.
 */
export function candidateSymbols(movement: Pick<BankMovement, 'variableSymbol' | 'message'>): string[] {
  const found = [movement.variableSymbol, ...[...movement.message.matchAll(/(?<!\d)\d{1,10}(?!\d)/g)].map((m) => m[0].replace(/^0+/, ''))];
  return [...new Set(found.filter((s) => s.length > 0))];
}

/**
 * What a movement does to the order it names. `receivedBefore` is what earlier movements already brought to this
 * order (partial payments add up). `manual`: the owner chose the order, so a cancelled order may still take it.
 */
export function decidePairing(movement: Pick<BankMovement, 'amount' | 'currency'>, order: PairableOrder | null, receivedBefore: number): PairingDecision {
  if (movement.amount <= 0) return { outcome: 'outgoing', reason: null, markPaid: false, orderId: null };
  if (!order) return { outcome: 'unmatched', reason: 'no_order', markPaid: false, orderId: null };
  const waiting = (reason: UnmatchedReason): PairingDecision => ({ outcome: 'unmatched', reason, markPaid: false, orderId: order.id });
  if (movement.currency !== order.currency) return waiting('currency');
  if (order.paymentStatus !== 'unpaid') return waiting('already_paid');
  if (order.status === 'cancelled') return waiting('order_cancelled');
  const received = receivedBefore + movement.amount;
  if (received < order.total) return { outcome: 'partial', reason: null, markPaid: false, orderId: order.id };
  return { outcome: received === order.total ? 'paid' : 'overpaid', reason: null, markPaid: true, orderId: order.id };
}
