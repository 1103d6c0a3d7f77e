/** The outbox worker job: every ~500 ms, send due emails in small concurrent batches — a few lanes at once, so one batch's slowest email never idles the rest — back to back while a backlog lasts. */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Services } from '../services/services.js';
import type { Job } from './worker.js';

export type OutboxJobOptions = { worker?: string; batchSize?: number; lanes?: number; everyMs?: number; leaseMs?: number; maxBusyMs?: number };

/** Names this process in the outbox (who holds a claim), e.g. `shop-1:4242:9f3a1c`. */
export const workerName = () => `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

export function outboxJob(services: Pick<Services, 'deliverQueuedEmails'>, options: OutboxJobOptions = {}): Job {
  const worker = options.worker ?? workerName();
  const batchSize = options.batchSize ?? 8;
  const lanes = options.lanes ?? 3;
  const maxBusyMs = options.maxBusyMs ?? 5000;
  let busy = false;
  return {
    name: 'send-queued-emails',
    everyMs: options.everyMs ?? 500,
    async run() {
      if (busy) return; // the previous tick is still sending
      busy = true;
      try {
        const started = Date.now();
        let sent = 0;
        const lane = async () => {
          for (;;) {
            const round = await services.deliverQueuedEmails({ worker, batchSize, leaseMs: options.leaseMs });
            sent += round.sent;
            // A full round means more may be waiting; an occasional pause keeps stop() prompt.
            if (round.claimed < batchSize || Date.now() - started > maxBusyMs) return;
          }
        };
        await Promise.all(Array.from({ length: lanes }, lane));
        return { sent };
      } finally {
        busy = false;
      }
    },
  };
}
