/**
 * Packeta's v4 branch feed (`/api/v4/{apiKey}/branch.json`), read as a stream: the real feed is tens of megabytes,
 * so each branch is parsed, mapped and handed on by itself instead of the whole document held in memory. Only the
 * points the shop's checkout offers are kept: in operation, shown to customers, in the Czech Republic or Slovakia.
 */
import { Readable, pipeline } from 'node:stream';
import StreamJson from 'stream-json';
import Pick from 'stream-json/filters/Pick.js';
import StreamValues from 'stream-json/streamers/StreamValues.js';
import { CarrierError } from '../../services/shipping/ports.js';
import type { PickupPoint } from '../../domain/shipping/pickup-point.js';

const COUNTRIES = new Set(['cz', 'sk']);

type Branch = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');
const num = (v: unknown) => {
  const n = Number.parseFloat(str(v));
  return Number.isFinite(n) ? n : null;
};
const plain = (html: string) => html.replace(/<[^>]*>/g, ' ').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ').trim();

/** One feed branch as a pickup point, or null for one the checkout does not offer. */
export function branchToPoint(b: Branch): PickupPoint | null {
  const id = str(b.id);
  const country = str(b.country).toLowerCase();
  const status = (b.status ?? {}) as Branch;
  if (!/^\d{1,12}$/.test(id) || !COUNTRIES.has(country)) return null;
  if (str(b.displayFrontend) === '0' || (status.statusId !== undefined && str(status.statusId) !== '1')) return null;
  const hours = (b.openingHours ?? {}) as Branch;
  const place = str(b.place);
  const maxKg = num(b.maxWeight);
  return {
    carrier: 'zasilkovna',
    id,
    name: str(b.name).slice(0, 300),
    place: place.slice(0, 300),
    street: str(b.street).slice(0, 200),
    city: str(b.city).slice(0, 100),
    zip: str(b.zip).slice(0, 12),
    country: country.toUpperCase(),
    kind: /z-?box/i.test(`${place} ${str(b.name)}`) ? 'box' : 'point',
    openingHours: plain(str(hours.compactShort)).slice(0, 500),
    latitude: num(b.latitude),
    longitude: num(b.longitude),
    maxWeightGrams: maxKg && maxKg > 0 ? Math.round(maxKg * 1000) : null,
  };
}

/** The offered points of the feed at `url`, one by one; a CarrierError when it cannot be had or read. */
export async function* readBranchFeed(url: string, timeoutMs: number): AsyncGenerator<PickupPoint> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    throw new CarrierError('unavailable', `Packeta's pickup-point feed is not reachable (${(error as Error).message})`, null, { cause: error });
  }
  if (!response.ok || !response.body) {
    const body = (await response.text().catch(() => '')).slice(0, 200);
    throw new CarrierError(response.status === 401 || /invalid API key/i.test(body) ? 'rejected' : 'unavailable', `Packeta's pickup-point feed answered HTTP ${response.status}${body ? `: ${body}` : ''}`);
  }
  // `data` holds the branches keyed by id (an array is read the same way).
  const values = pipeline(
    Readable.fromWeb(response.body as import('node:stream/web').ReadableStream),
    StreamJson.parser(),
    Pick.pick({ filter: /^data\.[^.]+$/ }),
    StreamValues.streamValues(),
    () => undefined, // errors reach the loop below through the last stream
  );
  try {
    for await (const { value } of values as AsyncIterable<{ value: Branch }>) {
      const point = value && typeof value === 'object' ? branchToPoint(value) : null;
      if (point) yield point;
    }
  } catch (error) {
    if (error instanceof CarrierError) throw error;
    throw new CarrierError('unavailable', `Packeta's pickup-point feed could not be read (${(error as Error).message})`, null, { cause: error });
  }
}
