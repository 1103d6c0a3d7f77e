/**
 * One round of the HTTP-call outbox: claim due calls, post each, and record the outcome at once — sent (never posted
 * again), tried again later with the emails' back-off (no answer, a server error, 408 or 429), or failed for good (any
 * other refusal: a wrong API key does not fix itself).
 */
import { afterFailure, errorSummary, MAX_ATTEMPTS } from '../../domain/mail/outbox-policy.js';
import type { Clock } from '../ports.js';
import type { CallOutboxRepo, JsonPoster, OutboxCall } from './ports.js';

export type CallDeliveryDeps = { calls: CallOutboxRepo; poster: JsonPoster; clock: Clock; random?: () => number };

const LEASE_MS = 5 * 60 * 1000;

async function deliverOne(deps: CallDeliveryDeps, worker: string, call: OutboxCall): Promise<'sent' | 'retried' | 'failed'> {
  const fail = async (permanent: boolean, error: string) => {
    const outcome = afterFailure(call.attempts, permanent, deps.clock.now(), (deps.random ?? Math.random)());
    await deps.calls.markFailedAttempt(call.id, worker, outcome, errorSummary(error));
    return outcome.status === 'queued' ? ('retried' as const) : ('failed' as const);
  };
  if (call.attempts > MAX_ATTEMPTS) return fail(true, `no outcome after ${MAX_ATTEMPTS} tries (the worker stopped while sending)`);
  let answer: { status: number; text: string };
  try {
    answer = await deps.poster.post(call.url, call.body);
  } catch (error) {
    return fail(false, error instanceof Error ? error.message : String(error));
  }
  if (answer.status >= 200 && answer.status < 300) {
    await deps.calls.markSent(call.id, deps.clock.now());
    return 'sent';
  }
  const passing = answer.status >= 500 || answer.status === 408 || answer.status === 429;
  return fail(!passing, `HTTP ${answer.status}: ${answer.text.slice(0, 300)}`);
}

export async function deliverQueuedCalls(deps: CallDeliveryDeps, input: { worker: string; batchSize?: number }) {
  const claimed = await deps.calls.claim({ worker: input.worker, now: deps.clock.now(), leaseMs: LEASE_MS, limit: input.batchSize ?? 10 });
  const outcomes = await Promise.all(claimed.map((call) => deliverOne(deps, input.worker, call)));
  const count = (what: string) => outcomes.filter((o) => o === what).length;
  return { claimed: claimed.length, sent: count('sent'), retried: count('retried'), failed: count('failed') };
}
