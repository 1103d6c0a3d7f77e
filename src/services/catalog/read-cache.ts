/**
 * A tiny cache for what every storefront page reads (the category tree): dropped at once when this process changes
 * the catalogue, and after a short lifetime otherwise, so other app servers' changes show within seconds.
 */
export type ReadCache = {
  get<T>(key: string, load: () => Promise<T>): Promise<T>;
  invalidate(): void;
  readonly revision: number;
};

export function readCache(ttlMs: number, now: () => number = Date.now): ReadCache {
  const entries = new Map<string, { value: Promise<unknown>; expires: number; revision: number }>();
  let revision = 0;
  return {
    get<T>(key: string, load: () => Promise<T>): Promise<T> {
      const hit = entries.get(key);
      if (hit && hit.revision === revision && hit.expires > now()) return hit.value as Promise<T>;
      const value = load();
      entries.set(key, { value, expires: now() + ttlMs, revision });
      value.catch(() => entries.delete(key));
      return value;
    },
    invalidate() {
      revision++;
      entries.clear();
    },
    get revision() {
      return revision;
    },
  };
}
