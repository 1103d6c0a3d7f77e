/**
 * Calendar days in Europe/Prague for statistics: local dates of instants, local midnights as UTC instants, and the
 * UTC-offset periods of a range (so a database without time zones can compute local dates the same way).
 *
 * DST: a local day is 23 hours in March and 25 hours in October; every instant belongs to exactly one local day
 * because days are bounded by local midnights, which Prague's transitions (at 02:00/03:00 local) never touch.
 */
export type LocalDate = string; // YYYY-MM-DD

const ZONE = 'Europe/Prague';
const DATE = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const OFFSET = new Intl.DateTimeFormat('en-US', { timeZone: ZONE, timeZoneName: 'longOffset' });
const MINUTE = 60_000;
const DAY = 86_400_000;

// An impossible day (2026-13-45) is no date at all (its Date is invalid and must not reach toISOString, which throws).
export const isLocalDate = (text: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);

/** The Prague calendar date of an instant. */
export function pragueDateOf(instant: Date | string): LocalDate {
  return DATE.format(typeof instant === 'string' ? new Date(instant) : instant);
}

/** Prague's offset from UTC in minutes at an instant (60 in winter, 120 in summer). */
export function offsetMinutesAt(ms: number): number {
  const name = OFFSET.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

/** The UTC instant (ISO) at which a Prague calendar day begins. */
export function pragueMidnight(date: LocalDate): string {
  const wall = Date.parse(`${date}T00:00:00Z`);
  // The offset valid at the midnight itself: guess with the offset a day earlier, then correct once.
  let utc = wall - offsetMinutesAt(wall - DAY) * MINUTE;
  utc = wall - offsetMinutesAt(utc) * MINUTE;
  return new Date(utc).toISOString();
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

/** The Monday that starts the ISO week of a date. */
export function weekStart(date: LocalDate): LocalDate {
  const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(date, -weekday);
}

export const monthOf = (date: LocalDate): string => date.slice(0, 7);

export type OffsetPeriod = { until: string | null; offsetMinutes: number };

/**
 * The offsets in force over [fromIso, toIso): consecutive periods, each valid until the next's start (the last until
 * null). Transitions are found by stepping a day at a time and bisecting to the minute.
 */
export function offsetPeriods(fromIso: string, toIso: string): OffsetPeriod[] {
  const end = Date.parse(toIso);
  let at = Date.parse(fromIso);
  let current = offsetMinutesAt(at);
  const periods: OffsetPeriod[] = [];
  while (at < end) {
    const next = Math.min(at + DAY, end);
    if (offsetMinutesAt(next) === current) {
      at = next;
      continue;
    }
    let low = at;
    let high = next;
    while (high - low > MINUTE) {
      const mid = low + Math.floor((high - low) / 2 / MINUTE) * MINUTE || low + MINUTE;
      if (offsetMinutesAt(mid) === current) low = mid;
      else high = mid;
    }
    periods.push({ until: new Date(high).toISOString(), offsetMinutes: current });
    current = offsetMinutesAt(high);
    at = high;
  }
  periods.push({ until: null, offsetMinutes: current });
  return periods;
}
