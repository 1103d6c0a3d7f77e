/** "Send again" in the admin: the same outbox row (and Message-ID) queued anew, with a fresh set of tries. */
import { DomainError } from '../../domain/errors.js';
import type { Clock, OutboxEmail, OutboxRepo } from '../ports.js';

export async function resendEmail(deps: { outbox: OutboxRepo; clock: Clock }, id: number): Promise<OutboxEmail> {
  const requeued = await deps.outbox.requeue(id, deps.clock.now());
  if (requeued) return requeued;
  if (!(await deps.outbox.findById(id))) throw new DomainError('not_found');
  throw new DomainError('conflict', 'the email is being sent right now');
}
