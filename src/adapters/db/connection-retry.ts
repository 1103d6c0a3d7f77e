/** Retries a small write while the database is briefly unreachable (a restart, a failover), instead of failing it at once. */

// Connection refused or dropped, and PostgreSQL's "shutting down" / "starting up" / connection-exception classes.
const TRANSIENT = /^(ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|57P01|57P02|57P03|08\w{3})$/;

export function isConnectionLoss(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && TRANSIENT.test(code)) return true;
  return error instanceof Error && /Connection terminated|connection timeout/i.test(error.message);
}

/** Runs `write` until it succeeds, a non-connection error occurs, or `withinMs` has passed (then the last error is thrown). */
export async function retryOnConnectionLoss<T>(write: () => Promise<T>, withinMs = 30_000): Promise<T> {
  const until = Date.now() + withinMs;
  for (let delay = 100; ; delay = Math.min(delay * 2, 2000)) {
    try {
      return await write();
    } catch (error) {
      if (!isConnectionLoss(error) || Date.now() + delay > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
