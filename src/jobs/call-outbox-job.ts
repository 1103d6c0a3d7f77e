/** The worker job that posts queued HTTP calls (Heureka "Ověřeno zákazníky"): a small round every few seconds. */
import type { Services } from '../services/services.js';
import type { Job } from './worker.js';

export function callOutboxJob(services: Pick<Services, 'deliverQueuedCalls'>, options: { worker: string; everyMs?: number }): Job {
  return {
    name: 'send-queued-calls',
    everyMs: options.everyMs ?? 5000,
    run: async () => {
      // Rounds back to back while a backlog lasts.
      for (let round = 0; round < 20; round++) if ((await services.deliverQueuedCalls({ worker: options.worker })).claimed === 0) break;
    },
  };
}
