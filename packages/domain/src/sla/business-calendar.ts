// Business-hours arithmetic: deadlines such as "4 working hours" that stop the clock at night, at
// weekends and on holidays, in the support team's own time zone (so DST is handled by the zone).
import { assert, InvariantError } from '../invariants/assert.js';
import { type CivilDate, addDays, civilDateOf, compareDates, isValidTimeZone, isoDate, localTimeToInstant, weekdayOf } from './time-zone.js';

export const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof weekdays)[number];

/** A working period in local wall-clock time, `HH:MM` 24-hour, ending after it starts, same day. */
export interface WorkingPeriod {
  from: string;
  to: string;
}

/**
 * A region's days off, year by year. The edge builds it from a maintained source (the API derives
 * it from date-holidays), so no hand-written list can run out: any year a deadline reaches is
 * answered. It must be pure — the same year always gives the same dates — and may memoise.
 */
export interface HolidayCalendar {
  /** Whose holidays these are: a country code, optionally with a subdivision (`GB-ENG`). */
  readonly region: string;
  /** The region's days off in `year` as local dates `YYYY-MM-DD`, substitute days included. */
  holidaysIn(year: number): readonly string[];
}

export interface BusinessCalendar {
  /** IANA zone, e.g. `Europe/London`. */
  timeZone: string;
  workingHours: Partial<Record<Weekday, readonly WorkingPeriod[]>>;
  /** The days with no working hours, whatever their weekday. */
  holidays: HolidayCalendar;
}

/** A desk that works through every holiday (or a calendar in a test about something else). */
export const noHolidays: HolidayCalendar = { region: 'none', holidaysIn: () => [] };

export function isHoliday(date: CivilDate, calendar: BusinessCalendar): boolean {
  return calendar.holidays.holidaysIn(date.year).includes(isoDate(date));
}

// A calendar with no working time at all would loop forever; ten years is a generous bound.
const MAX_DAYS_SEARCHED = 3_660;

/** What is wrong with a calendar; its holidays are checked for the `years` given (there is no end to them). */
export function calendarProblems(calendar: BusinessCalendar, years: readonly number[] = []): string[] {
  const problems: string[] = [];
  if (!isValidTimeZone(calendar.timeZone)) problems.push(`unknown time zone ${calendar.timeZone}`);
  for (const [day, periods] of Object.entries(calendar.workingHours)) {
    let previousEnd = -1;
    // Overlapping periods would count the same working minutes twice.
    for (const p of [...(periods ?? [])].sort((a, b) => (a.from < b.from ? -1 : 1))) {
      const from = minuteOfDay(p.from);
      const to = minuteOfDay(p.to);
      if (from === null || to === null || to <= from) problems.push(`${day} ${p.from}–${p.to} is not a valid period`);
      else if (from < previousEnd) problems.push(`${day} ${p.from}–${p.to} overlaps the previous period`);
      previousEnd = Math.max(previousEnd, to ?? -1);
    }
  }
  for (const year of years) {
    for (const h of calendar.holidays.holidaysIn(year)) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(h)) problems.push(`holiday ${h} is not YYYY-MM-DD`);
      else if (!h.startsWith(`${String(year).padStart(4, '0')}-`)) problems.push(`holiday ${h} is listed in ${year}`);
    }
  }
  return problems;
}

/** Working intervals of one local date as [startMs, endMs) instants, in order. */
export function workingIntervals(date: CivilDate, calendar: BusinessCalendar): [number, number][] {
  if (isHoliday(date, calendar)) return [];
  const periods = calendar.workingHours[weekdays[weekdayOf(date)]!] ?? [];
  return periods
    .map((p): [number, number] => [localTimeToInstant(date, minuteOfDayOrThrow(p.from), calendar.timeZone), localTimeToInstant(date, minuteOfDayOrThrow(p.to), calendar.timeZone)])
    .sort((a, b) => a[0] - b[0]);
}

/**
 * The instant `durationMs` of working time after `startMs`. Started outside working hours, the
 * clock starts at the next opening; a zero duration therefore yields the next working moment.
 */
export function addBusinessTime(startMs: number, durationMs: number, calendar: BusinessCalendar): number {
  assert(Number.isSafeInteger(durationMs) && durationMs >= 0, 'durationMs must be a non-negative integer');
  let remainingMs = durationMs;
  let date = civilDateOf(startMs, calendar.timeZone);
  for (let i = 0; i < MAX_DAYS_SEARCHED; i++, date = addDays(date, 1)) {
    for (const [openMs, closeMs] of workingIntervals(date, calendar)) {
      if (closeMs <= startMs) continue;
      const fromMs = Math.max(openMs, startMs);
      if (fromMs + remainingMs <= closeMs) return fromMs + remainingMs;
      remainingMs -= closeMs - fromMs;
    }
  }
  throw new InvariantError(`The calendar has no working time within ${MAX_DAYS_SEARCHED} days`);
}

/** Working time between two instants (negative when `endMs` is before `startMs`). */
export function businessTimeBetween(startMs: number, endMs: number, calendar: BusinessCalendar): number {
  if (endMs < startMs) return -businessTimeBetween(endMs, startMs, calendar);
  const last = civilDateOf(endMs, calendar.timeZone);
  let totalMs = 0;
  for (let date = civilDateOf(startMs, calendar.timeZone); compareDates(date, last) <= 0; date = addDays(date, 1)) {
    for (const [openMs, closeMs] of workingIntervals(date, calendar)) {
      totalMs += Math.max(0, Math.min(closeMs, endMs) - Math.max(openMs, startMs));
    }
  }
  return totalMs;
}

function minuteOfDay(hhmm: string): number | null {
  const m = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(hhmm);
  if (!m) return null;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return minutes <= 24 * 60 ? minutes : null;
}

function minuteOfDayOrThrow(hhmm: string): number {
  const minutes = minuteOfDay(hhmm);
  if (minutes === null) throw new InvariantError(`${hhmm} is not HH:MM`);
  return minutes;
}
