/** The outbox of HTTP calls to other services (Heureka "Ověřeno zákazníky"): queued with their cause, sent by the worker. */
import type { Tx } from '../ports.js';

export type OutboxCallKind = 'heureka_verified';
export type NewOutboxCall = { kind: OutboxCallKind; orderId: number | null; url: string; body: unknown; createdAt: Date };
export type OutboxCall = { id: number; kind: OutboxCallKind; orderId: number | null; url: string; body: string; status: 'queued' | 'sending' | 'sent' | 'failed'; attempts: number; lastError: string | null; sentAt: string | null };

export interface CallOutboxRepo {
  enqueue(tx: Tx | null, call: NewOutboxCall): Promise<void>;
  /** Takes up to `limit` due calls (and ones whose claim ran out) for `worker` until `now + leaseMs`. */
  claim(input: { worker: string; now: Date; leaseMs: number; limit: number }): Promise<OutboxCall[]>;
  markSent(id: number, at: Date): Promise<void>;
  markFailedAttempt(id: number, worker: string, outcome: { status: 'queued'; nextAttemptAt: Date } | { status: 'failed' }, error: string): Promise<void>;
  forOrder(orderId: number): Promise<OutboxCall[]>;
}

/** Posts JSON; resolves with the answer's status and text, rejects when no answer came (network, timeout). */
export interface JsonPoster {
  post(url: string, body: string): Promise<{ status: number; text: string }>;
}
