/**
 * The consumer's right to withdraw from a distance contract (§ 1829 OZ, EU 2011/83): 14 days from delivery.
 * Delivery is taken as the moment the order was shipped or completed; before that, withdrawal is open too.
 */
import type { OrderStatus } from '../orders/order-status.js';

export const WITHDRAWAL_DAYS = 14;
export const WITHDRAWAL_EVENT = 'withdrawal';
export const MAX_REASON_LENGTH = 2000;

export type WithdrawalState =
  | { open: true; until: Date | null }
  | { open: false; reason: 'withdrawal_cancelled' | 'withdrawal_done' | 'withdrawal_closed' };

export function withdrawalState(input: { status: OrderStatus; deliveredAt: Date | null; withdrawnAt: Date | null; now: Date }): WithdrawalState {
  if (input.withdrawnAt) return { open: false, reason: 'withdrawal_done' };
  if (input.status === 'cancelled') return { open: false, reason: 'withdrawal_cancelled' };
  if (!input.deliveredAt) return { open: true, until: null };
  const until = new Date(input.deliveredAt.getTime() + WITHDRAWAL_DAYS * 24 * 60 * 60 * 1000);
  return input.now.getTime() <= until.getTime() ? { open: true, until } : { open: false, reason: 'withdrawal_closed' };
}

/** The reason as the customer typed it: trimmed, newlines unified, bounded; empty is no reason. */
export function cleanReason(value: unknown): string | null {
  const text = typeof value === 'string' ? value.replace(/\r\n?/g, '\n').trim().slice(0, MAX_REASON_LENGTH) : '';
  return text || null;
}
