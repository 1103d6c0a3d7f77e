/**
 * One round of the outbox worker: claim a few due emails, render their attachments, send them concurrently, and record
 * each outcome — sent, tried again later (exponential back-off), or failed for good. At least once: a worker that dies
 * mid-send leaves its claim to expire and the email is sent again, under the same Message-ID. The round's sent emails
 * are recorded together in one statement once all its sends have ended (a crash before that sends them again, as a
 * crash between a send and its record always did).
 */
import { afterFailure, errorSummary, MAX_ATTEMPTS } from '../../domain/mail/outbox-policy.js';
import type { AttachmentSource, Clock, Mailer, OutboxEmail, OutboxRepo } from '../ports.js';

export type DeliveryDeps = { outbox: OutboxRepo; mailer: Mailer; attachments: AttachmentSource; clock: Clock; random?: () => number };
export type DeliveryRound = { claimed: number; sent: number; retried: number; failed: number };

/** Longer than any single send may take (SMTP timeouts are shorter), short enough that a dead worker's emails soon go out. */
export const DEFAULT_LEASE_MS = 5 * 60 * 1000;

const isPermanent = (error: unknown) => (error as { permanent?: unknown } | null)?.permanent === true;

/** Sends one email; a failure is recorded at once, a success is left to the round (`'sent'`). */
async function deliverOne(deps: DeliveryDeps, worker: string, email: OutboxEmail): Promise<'sent' | 'retried' | 'failed'> {
  if (email.attempts > MAX_ATTEMPTS) {
    // Claimed again and again without an outcome: whatever stops the worker mid-send (a crash) must not loop forever.
    await deps.outbox.markFailedAttempt(email.id, worker, { status: 'failed' }, `no outcome after ${MAX_ATTEMPTS} tries (the worker stopped while sending)`);
    return 'failed';
  }
  try {
    const attachments = await Promise.all(email.attachments.map((descriptor) => deps.attachments.render(descriptor)));
    await deps.mailer.send({ messageId: email.messageId, from: email.from, to: email.to, subject: email.subject, text: email.text, html: email.html, attachments });
  } catch (error) {
    const outcome = afterFailure(email.attempts, isPermanent(error), deps.clock.now(), (deps.random ?? Math.random)());
    await deps.outbox.markFailedAttempt(email.id, worker, outcome, errorSummary(error instanceof Error ? error.message : String(error)));
    return outcome.status === 'queued' ? 'retried' : 'failed';
  }
  return 'sent';
}

export async function deliverQueuedEmails(deps: DeliveryDeps, input: { worker: string; batchSize?: number; leaseMs?: number }): Promise<DeliveryRound> {
  const claimed = await deps.outbox.claim({ worker: input.worker, now: deps.clock.now(), leaseMs: input.leaseMs ?? DEFAULT_LEASE_MS, limit: input.batchSize ?? 10 });
  const outcomes = await Promise.all(claimed.map((email) => deliverOne(deps, input.worker, email)));
  await deps.outbox.markSent(claimed.filter((_, i) => outcomes[i] === 'sent').map((email) => email.id), deps.clock.now());
  const count = (what: string) => outcomes.filter((o) => o === what).length;
  return { claimed: claimed.length, sent: count('sent'), retried: count('retried'), failed: count('failed') };
}
