// Wall-clock arithmetic in an IANA time zone using only Intl (pure, available in Node and browsers):
// the offset of a zone at an instant, and the instant of a local date and time.
import { assert } from '../invariants/assert.js';

export interface CivilDate {
  year: number;
  month: number; // 1–12
  day: number;
}

const weekdayIndex: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
const MINUTE_MS = 60_000;

// Creating a DateTimeFormat is expensive; the cache is memoisation of a pure function.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The local calendar fields of an instant in a zone. */
export function zonedParts(instantMs: number, timeZone: string): CivilDate & { hour: number; minute: number; second: number; weekday: number } {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(instantMs)) parts[p.type] = p.value;
  const weekday = weekdayIndex[parts['weekday'] ?? ''];
  assert(weekday !== undefined, `Unexpected weekday from Intl: ${parts['weekday']}`);
  return {
    year: Number(parts['year']),
    month: Number(parts['month']),
    day: Number(parts['day']),
    hour: Number(parts['hour']),
    minute: Number(parts['minute']),
    second: Number(parts['second']),
    weekday,
  };
}

/** Local time minus UTC at an instant, in ms (+3 600 000 for Berlin in winter). */
export function zoneOffsetMs(instantMs: number, timeZone: string): number {
  const wholeSecondMs = Math.floor(instantMs / 1000) * 1000;
  const p = zonedParts(wholeSecondMs, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - wholeSecondMs;
}

/**
 * The instant at which the zone's clocks show `date` at `minuteOfDay`. Two passes settle the offset
 * across DST changes; a local time that does not exist (skipped in spring) is read with the offset
 * in force before the jump, i.e. it lands the length of the gap later, as most calendars do.
 */
export function localTimeToInstant(date: CivilDate, minuteOfDay: number, timeZone: string): number {
  const asUtc = Date.UTC(date.year, date.month - 1, date.day) + minuteOfDay * MINUTE_MS;
  const first = asUtc - zoneOffsetMs(asUtc, timeZone);
  return asUtc - zoneOffsetMs(first, timeZone);
}

export function civilDateOf(instantMs: number, timeZone: string): CivilDate {
  const { year, month, day } = zonedParts(instantMs, timeZone);
  return { year, month, day };
}

export function addDays(date: CivilDate, days: number): CivilDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday, independent of any zone (a civil date has one weekday). */
export function weekdayOf(date: CivilDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

export function isoDate(date: CivilDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

export function compareDates(a: CivilDate, b: CivilDate): number {
  return isoDate(a) < isoDate(b) ? -1 : isoDate(a) > isoDate(b) ? 1 : 0;
}
