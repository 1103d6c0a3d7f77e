/**
 * Pickup points: the carrier's feed copied into our database (daily by the worker, or at once when none is there yet)
 * and looked up from it — the checkout's search that works without JavaScript, the Store API and the order's check.
 */
import { DomainError } from '../../domain/errors.js';
import { isPickupPointId, PICKUP_CARRIERS, type PickupPoint } from '../../domain/shipping/pickup-point.js';
import type { Clock } from '../ports.js';
import type { SettingsRepo } from '../settings/ports.js';
import { getSettings } from '../settings/get-settings.js';
import type { CarrierGateway, PickupPointRepo } from './ports.js';

export type PickupPointDeps = { pickupPoints: PickupPointRepo; carriers: CarrierGateway; settings: SettingsRepo; clock: Clock };

export const FEED_MAX_AGE_MS = 24 * 3600 * 1000;
const FIRST_LOAD_RETRY_MS = 60_000;
const lastFirstLoad = new WeakMap<PickupPointRepo, number>();

/** Refreshes the Zásilkovna points when they are older than `maxAgeMs` (0: now); what happened, for the log and the admin. */
export async function refreshPickupPoints(deps: PickupPointDeps, options: { maxAgeMs?: number } = {}): Promise<{ refreshed: boolean; count: number }> {
  const settings = await getSettings(deps);
  const client = deps.carriers.packeta(settings.carriers.packeta);
  if (!client) return { refreshed: false, count: 0 };
  const last = await deps.pickupPoints.lastRefresh('zasilkovna');
  const now = deps.clock.now();
  if (last && options.maxAgeMs !== 0 && now.getTime() - new Date(last.at).getTime() < (options.maxAgeMs ?? FEED_MAX_AGE_MS)) return { refreshed: false, count: last.count };
  const count = await deps.pickupPoints.replaceAll('zasilkovna', client.pickupPoints(), now);
  return { refreshed: true, count };
}

/** A shop that has never loaded the feed (just started, or the carrier just set up) loads it on first need. */
async function ensureLoaded(deps: PickupPointDeps, carrier: string) {
  if (await deps.pickupPoints.lastRefresh(carrier)) return;
  const now = deps.clock.now().getTime();
  if (now - (lastFirstLoad.get(deps.pickupPoints) ?? 0) < FIRST_LOAD_RETRY_MS) return;
  lastFirstLoad.set(deps.pickupPoints, now);
  await refreshPickupPoints(deps, { maxAgeMs: 0 }).catch(() => undefined); // the search answers "nothing found" meanwhile
}

const knownCarrier = (carrier: unknown): carrier is string => (PICKUP_CARRIERS as readonly unknown[]).includes(carrier);

export async function searchPickupPoints(deps: PickupPointDeps, input: { carrier: unknown; query: string; limit: number }): Promise<PickupPoint[]> {
  if (!knownCarrier(input.carrier)) throw new DomainError('bad_request', 'unknown carrier', { carrier: 'carrier_no_pickup_points' });
  await ensureLoaded(deps, input.carrier);
  return deps.pickupPoints.search(input.carrier, input.query.slice(0, 100), Math.min(Math.max(input.limit, 1), 50));
}

/** The point a client chose; a malformed or unknown id is the client's mistake (400). */
export async function findPickupPoint(deps: PickupPointDeps, carrier: string, id: unknown): Promise<PickupPoint> {
  if (!isPickupPointId(id)) throw new DomainError('bad_request', 'bad pickup point id', { pickupPoint: 'pickup_point_unknown' });
  await ensureLoaded(deps, carrier);
  const point = await deps.pickupPoints.find(carrier, id);
  if (!point) throw new DomainError('bad_request', 'unknown pickup point', { pickupPoint: 'pickup_point_unknown' });
  return point;
}
