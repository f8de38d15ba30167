// The days the support desk's SLA clocks stop for, from date-holidays: a maintained, versioned data
// set of public holidays with their substitute-day rules, so no hand-written list runs out (the old
// one ended on 2026-12-28). A region is date-holidays' country code, optionally followed by one of
// its subdivisions: `GB-ENG` is England, whose bank holidays Wales shares.
import Holidays from 'date-holidays';
import type { HolidayCalendar } from '@marketdesk/domain';

// Public and bank holidays close the desk; observances (Mother's Day), optional and school days do
// not. A holiday that starts in the afternoon (Christmas Eve from 14:00 in Germany) closes the whole day.
const daysOff = ['public', 'bank'] as const;

/** True when date-holidays knows the country and, if given, the subdivision (it would otherwise fall back to the whole country). */
export function isKnownHolidayRegion(region: string): boolean {
  const [country = '', subdivision, ...rest] = region.split('-');
  if (rest.length > 0) return false;
  const all = new Holidays();
  if (!Object.hasOwn(all.getCountries(), country)) return false;
  return subdivision === undefined || Object.hasOwn(all.getStates(country) ?? {}, subdivision);
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
  const source = subdivision ? new Holidays(country, subdivision, { types: [...daysOff] }) : new Holidays(country, { types: [...daysOff] });
  const years = new Map<number, readonly string[]>();
  const calendar: HolidayCalendar = {
    region,
    holidaysIn(year) {
      let dates = years.get(year);
      if (!dates) {
        if (!Number.isSafeInteger(year)) throw new Error(`${year} is not a year`);
        // `date` is the local date and time the holiday starts ("2027-12-27 00:00:00").
        const found = source.getHolidays(year).filter((h) => (daysOff as readonly string[]).includes(h.type));
        dates = Object.freeze([...new Set(found.map((h) => h.date.slice(0, 10)))].sort());
        years.set(year, dates);
      }
      return dates;
    },
  };
  calendars.set(region, calendar);
  return calendar;
}
