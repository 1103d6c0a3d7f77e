/** The background worker: a loop of periodic jobs that stops cleanly; later jobs (the email outbox, exports) join it. */
import type { Db } from '../adapters/db/kysely.js';
import { deleteExpiredSessions } from '../adapters/db/session-store.js';
import type { Clock } from '../services/ports.js';

export type Job = { name: string; everyMs: number; run: () => Promise<unknown> };
export type Logger = { info(obj: object, msg?: string): void; error(obj: object, msg?: string): void };

const DAY_MS = 24 * 3600 * 1000;
const daysAgo = (clock: Clock, days: number) => new Date(clock.now().getTime() - days * DAY_MS).toISOString();

export function housekeepingJobs(db: Db, clock: Clock): Job[] {
  return [
    { name: 'delete-expired-sessions', everyMs: 10 * 60 * 1000, run: () => deleteExpiredSessions(db, clock.now()) },
    { name: 'forget-old-sign-in-attempts', everyMs: 60 * 60 * 1000, run: () => db.deleteFrom('sign_in_attempts').where('at', '<', daysAgo(clock, 30)).execute() },
    // A reset or email-change link is kept a week past its expiry, so following it still says "expired", not "invalid".
    { name: 'forget-expired-customer-tokens', everyMs: 60 * 60 * 1000, run: () => db.deleteFrom('customer_tokens').where('expires_at', '<', daysAgo(clock, 7)).execute() },
    // A cart is reached only through its visitor's session (12 h after the last visit); one untouched for 30 days is
    // abandoned. Its lines go with it (ON DELETE CASCADE).
    { name: 'forget-abandoned-carts', everyMs: 60 * 60 * 1000, run: () => db.deleteFrom('carts').where('updated_at', '<', daysAgo(clock, 30)).execute() },
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
