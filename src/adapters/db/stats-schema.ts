/** The statistics' per-day summary tables (migration 0017) as Kysely sees them; written only by stats-rollup.ts. */
import type { Generated } from 'kysely';

/** One row per order change not yet summarised: the order's Prague day and customer key at the time of the change. */
export interface StatsDirtyTable {
  id: Generated<number>;
  day: string;
  customer_key: string;
}

export interface StatsTables {
  stats_dirty: StatsDirtyTable;
}
