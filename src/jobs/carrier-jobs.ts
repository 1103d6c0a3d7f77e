/** The worker's goods-out jobs: the pickup points refreshed daily from the carrier's feed, and parcel statuses polled. */
import type { Services } from '../services/services.js';
import type { Job } from './worker.js';

const HOUR = 60 * 60 * 1000;

export function carrierJobs(services: Pick<Services, 'refreshPickupPoints' | 'pollShipmentStatuses'>): Job[] {
  return [
    // Looked at hourly, fetched when the stored feed is a day old: several processes share one database, and the
    // first to find it stale refreshes it for all.
    { name: 'refresh-pickup-points', everyMs: HOUR, run: () => services.refreshPickupPoints() },
    // Each parcel of a shipped order is asked about at most hourly (see pollShipmentStatuses).
    { name: 'poll-carrier-statuses', everyMs: 15 * 60 * 1000, run: () => services.pollShipmentStatuses() },
  ];
}
