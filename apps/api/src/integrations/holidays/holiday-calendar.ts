// The days the support desk's SLA clocks stop for, from date-holidays: a maintained, versioned data
// set of public holidays with their substitute-day rules, so no hand-written list runs out (the old
// one ended on 2026-12-28). A region is date-holidays' country code, optionally followed by one of
// its subdivisions: `GB-ENG` is England, whose bank holidays Wales shares.
//
// date-holidays with what it computes with (astronomia, moment-timezone with every zone, the rules
// of every country) is the API's largest package by heap, about 8 MB, and most processes go a long
// while without a deadline to compute. So it loads in two steps:
//  - which regions exist (the configuration is checked at start-up) is read from the package's data
//    file, data/holidays.json — the file its bundled data is built from — into a small index;
//  - the library itself loads with the first year a calendar is asked for, synchronously (the SLA
//    arithmetic is), through its CommonJS build.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type Holidays from 'date-holidays';
import type { HolidayCalendar } from '@marketdesk/domain';

// Public and bank holidays close the desk; observances (Mother's Day), optional and school days do
// not. A holiday that starts in the afternoon (Christmas Eve from 14:00 in Germany) closes the whole day.
const daysOff = ['public', 'bank'] as const;

const requireCjs = createRequire(import.meta.url);

let regions: ReadonlyMap<string, ReadonlySet<string>> | undefined;

/** Every country date-holidays knows, with its subdivisions (what its getCountries() and getStates() list). */
export function knownHolidayRegions(): ReadonlyMap<string, ReadonlySet<string>> {
  if (!regions) {
    const file = join(dirname(requireCjs.resolve('date-holidays/package.json')), 'data', 'holidays.json');
    const data = JSON.parse(readFileSync(file, 'utf8')) as { holidays: Record<string, { states?: object; regions?: object }> };
    regions = new Map(Object.entries(data.holidays).map(([country, rules]) => [country, new Set(Object.keys(rules.states ?? rules.regions ?? {}))]));
  }
  return regions;
}

/** True when date-holidays knows the country and, if given, the subdivision (it would otherwise fall back to the whole country). */
export function isKnownHolidayRegion(region: string): boolean {
  const [country = '', subdivision, ...rest] = region.split('-');
  if (rest.length > 0) return false;
  const subdivisions = knownHolidayRegions().get(country);
  return subdivisions !== undefined && (subdivision === undefined || subdivisions.has(subdivision));
}

let holidaysClass: typeof Holidays | undefined;

/** The date-holidays class, loaded on first use. */
export function loadDateHolidays(): typeof Holidays {
  holidaysClass ??= requireCjs('date-holidays') as typeof Holidays;
  return holidaysClass;
}

// One calendar per region and one list per year, computed on first use: a deadline asks only for the
// years it spans. date-holidays is deterministic for a given year, so the caches are plain memoisation.
const calendars = new Map<string, HolidayCalendar>();

/** The public and bank holidays of `region` (substitute days included), year by year. */
export function holidayCalendar(region: string): HolidayCalendar {
  const known = calendars.get(region);
  if (known) return known;
  if (!isKnownHolidayRegion(region)) throw new Error(`date-holidays does not know the region ${region} (expected e.g. GB-ENG)`);
  const [country = '', subdivision] = region.split('-');
  let source: Holidays | undefined;
  const holidays = () => {
    const DateHolidays = loadDateHolidays();
    source ??= subdivision ? new DateHolidays(country, subdivision, { types: [...daysOff] }) : new DateHolidays(country, { types: [...daysOff] });
    return source;
  };
  const years = new Map<number, readonly string[]>();
  const calendar: HolidayCalendar = {
    region,
    holidaysIn(year) {
      let dates = years.get(year);
      if (!dates) {
        if (!Number.isSafeInteger(year)) throw new Error(`${year} is not a year`);
        // `date` is the local date and time the holiday starts ("2027-12-27 00:00:00").
        const found = holidays().getHolidays(year).filter((h) => (daysOff as readonly string[]).includes(h.type));
        dates = Object.freeze([...new Set(found.map((h) => h.date.slice(0, 10)))].sort());
        years.set(year, dates);
      }
      return dates;
    },
  };
  calendars.set(region, calendar);
  return calendar;
}
