/** "Odeslat znovu" on an order's timeline: one of the order's own outbox emails queued anew, and the resend written on the timeline. */
import { DomainError } from '../../domain/errors.js';
import { resendEmail } from '../mail/resend-email.js';
import type { OutboxEmail } from '../ports.js';
import { findOrderOrFail, type OrderPanelDeps } from './change-order-status.js';

export async function resendOrderEmail(deps: OrderPanelDeps, input: { number: string; emailId: number; actor: string }): Promise<OutboxEmail> {
  const order = await findOrderOrFail(deps, input.number);
  const email = await deps.outbox.findById(input.emailId);
  // Another order's email is not this order's to resend: the same answer as for no email at all.
  if (!email || email.orderId !== order.id) throw new DomainError('not_found');
  const requeued = await resendEmail(deps, email.id);
  await deps.orders.addEvents(null, order.id, [{ kind: 'email', actor: input.actor, internal: false, text: `E-mail znovu zařazen k odeslání: ${requeued.subject} → ${requeued.to}`, at: deps.clock.now() }]);
  return requeued;
}
