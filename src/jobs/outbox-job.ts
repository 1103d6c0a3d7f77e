/**
 * The outbox worker job: send due emails in small concurrent batches — a few lanes at once, so one batch's slowest
 * email never idles the rest — back to back while a backlog lasts. It wakes when this process queues an email and
 * otherwise looks every 2 s (emails queued by other processes, retries coming due): an idle shop costs one short
 * query per period, not a poll every half second.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Services } from '../services/services.js';
import type { Job } from './worker.js';

export type OutboxJobOptions = {
  worker?: string;
  batchSize?: number;
  lanes?: number;
  everyMs?: number;
  leaseMs?: number;
  maxBusyMs?: number;
  /** Subscribes to "an email was queued" (returns the unsubscribe). */
  wakeOn?: Job['wakeOn'];
};

/** Names this process in the outbox (who holds a claim), e.g. `shop-1:4242:9f3a1c`. */
export const workerName = () => `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

export function outboxJob(services: Pick<Services, 'deliverQueuedEmails'>, options: OutboxJobOptions = {}): Job {
  const worker = options.worker ?? workerName();
  const batchSize = options.batchSize ?? 8;
  const lanes = options.lanes ?? 3;
  const maxBusyMs = options.maxBusyMs ?? 5000;
  let busy = false;
  let backlog: (() => void) | undefined;
  return {
    name: 'send-queued-emails',
    everyMs: options.everyMs ?? 2000,
    // A run cut short by maxBusyMs while a backlog lasts asks for the next one at once, as a wake-up does.
    wakeOn: (wake) => {
      backlog = wake;
      const unsubscribe = options.wakeOn?.(wake);
      return () => {
        backlog = undefined;
        unsubscribe?.();
      };
    },
    async run() {
      if (busy) return; // the previous run is still sending
      busy = true;
      try {
        const started = Date.now();
        let sent = 0;
        let more = false;
        /** One round; true when it came back full (more may be waiting) and the run has time left. */
        const round = async () => {
          const done = await services.deliverQueuedEmails({ worker, batchSize, leaseMs: options.leaseMs });
          sent += done.sent;
          if (done.claimed < batchSize) return false;
          // A pause now and then keeps stop() prompt; the backlog goes on in the next run.
          if (Date.now() - started <= maxBusyMs) return true;
          more = true;
          return false;
        };
        // One round first: an idle outbox costs one query, and only a backlog opens the other lanes.
        if (await round()) {
          const lane = async () => {
            while (await round());
          };
          await Promise.all(Array.from({ length: lanes }, lane));
        }
        if (more) backlog?.();
        return { sent };
      } finally {
        busy = false;
      }
    },
  };
}
