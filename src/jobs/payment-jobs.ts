/**
 * The worker's payment jobs: the Fio banka download (every 30 s, the most the bank allows; the service itself keeps
 * every process to one call per 30 s) and refunds written but never sent (the process stopped in between).
 */
import type { Services } from '../services/services.js';
import type { Job } from './worker.js';

export function paymentJobs(services: Pick<Services, 'pollFio' | 'sendPendingRefunds'>, options: { fioEveryMs?: number } = {}): Job[] {
  return [
    { name: 'download-fio-movements', everyMs: options.fioEveryMs ?? 30_000, run: () => services.pollFio() },
    { name: 'send-pending-card-refunds', everyMs: 60_000, run: () => services.sendPendingRefunds() },
  ];
}
