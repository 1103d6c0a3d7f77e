/** The background worker: a loop of periodic jobs that stops cleanly; later jobs (the email outbox, exports) join it. */
import type { Db } from '../adapters/db/kysely.js';
import { deleteExpiredSessions } from '../adapters/db/session-store.js';
import type { Clock } from '../services/ports.js';

export type Job = { name: string; everyMs: number; run: () => Promise<unknown> };
export type Logger = { info(obj: object, msg?: string): void; error(obj: object, msg?: string): void };

export function housekeepingJobs(db: Db, clock: Clock): Job[] {
  return [
    { name: 'delete-expired-sessions', everyMs: 10 * 60 * 1000, run: () => deleteExpiredSessions(db, clock.now()) },
    {
      name: 'forget-old-sign-in-attempts',
      everyMs: 60 * 60 * 1000,
      run: () => db.deleteFrom('sign_in_attempts').where('at', '<', new Date(clock.now().getTime() - 30 * 24 * 3600 * 1000).toISOString()).execute(),
    },
  ];
}

export function startWorker(jobs: Job[], log: Logger): { stop(): Promise<void> } {
  let stopping = false;
  const running = new Set<Promise<unknown>>();
  const timers = jobs.map((job) => {
    const tick = () => {
      if (stopping) return;
      const run = job.run().catch((err: unknown) => log.error({ err, job: job.name }, 'job failed'));
      running.add(run);
      void run.finally(() => running.delete(run));
    };
    tick();
    return setInterval(tick, job.everyMs);
  });
  log.info({ jobs: jobs.map((j) => j.name) }, 'worker started');
  return {
    async stop() {
      stopping = true;
      timers.forEach(clearInterval);
      await Promise.allSettled([...running]);
    },
  };
}
