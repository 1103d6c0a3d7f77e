/**
 * The background worker: periodic jobs that stop cleanly. A job may also be woken by a signal (the outbox, when this
 * process queues an email), so its period can be long and an idle worker costs next to nothing.
 */
import type { Db } from '../adapters/db/kysely.js';
import { deleteExpiredSessions } from '../adapters/db/session-store.js';
import type { Clock } from '../services/ports.js';

/** `wakeOn` subscribes a wake-up (and returns the unsubscribe); a wake during a run runs the job once more after it. */
export type Job = { name: string; everyMs: number; run: () => Promise<unknown>; wakeOn?: (wake: () => void) => () => void };
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
  const stops = jobs.map((job) => {
    let current: Promise<unknown> | null = null;
    let again = false;
    const tick = () => {
      if (stopping) return;
      if (current) {
        again = true;
        return;
      }
      const run = job.run().catch((err: unknown) => log.error({ err, job: job.name }, 'job failed'));
      current = run;
      running.add(run);
      void run.finally(() => {
        running.delete(run);
        current = null;
        if (again) {
          again = false;
          tick();
        }
      });
    };
    tick();
    const timer = setInterval(tick, job.everyMs);
    const unsubscribe = job.wakeOn?.(tick);
    return () => {
      clearInterval(timer);
      unsubscribe?.();
    };
  });
  log.info({ jobs: jobs.map((j) => j.name) }, 'worker started');
  return {
    async stop() {
      stopping = true;
      stops.forEach((stopJob) => stopJob());
      // A job re-run after a wake is added to `running` while waiting, so wait until nothing is left.
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}
