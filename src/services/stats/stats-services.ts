/** The statistics use cases bound to their dependencies (spread into the services object). */
import type { StatsRepo } from './ports.js';
import type { Clock } from '../ports.js';
import { pragueDateOf } from '../../domain/stats/prague-calendar.js';
import { getStatistics, type StatisticsQuery } from './get-statistics.js';

export type StatsPorts = { stats: StatsRepo; clock: Clock };

export function statsServices(ports: StatsPorts) {
  return {
    statistics: (query: StatisticsQuery) => getStatistics(ports, query),
    /** Today in Prague, from the clock: the presets and the default range count from it. */
    statisticsToday: () => pragueDateOf(ports.clock.now()),
  };
}
