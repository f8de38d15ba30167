import { calendarProblems, supportCalendar } from '@marketdesk/domain';
import { describe, expect, it } from 'vitest';
import { holidayCalendar, isKnownHolidayRegion, knownHolidayRegions, loadDateHolidays } from './holiday-calendar.js';

const englandAndWales = holidayCalendar('GB-ENG');
const weekdaysOnly = (dates: readonly string[]) => dates.filter((d) => ![0, 6].includes(new Date(`${d}T12:00:00Z`).getUTCDay()));

describe('holidayCalendar (date-holidays)', () => {
  // gov.uk lists, for England and Wales, the days off (weekdays); date-holidays also keeps the
  // weekend date of a holiday whose substitute is the Monday or Tuesday after.
  it('lists the 2027 England and Wales bank holidays, with Christmas and Boxing Day substituted on Mon 27 and Tue 28 Dec', () => {
    expect(englandAndWales.holidaysIn(2027)).toEqual([
      '2027-01-01', // New Year's Day, a Friday
      '2027-03-26', // Good Friday
      '2027-03-29', // Easter Monday
      '2027-05-03', // Early May bank holiday
      '2027-05-31', // Spring bank holiday
      '2027-08-30', // Summer bank holiday
      '2027-12-25', // Christmas Day, a Saturday
      '2027-12-26', // Boxing Day, a Sunday
      '2027-12-27', // Christmas Day (substitute day)
      '2027-12-28', // Boxing Day (substitute day)
    ]);
    expect(weekdaysOnly(englandAndWales.holidaysIn(2027))).toEqual(['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28']);
  });

  it('lists the 2028 England and Wales bank holidays, with New Year substituted on Mon 3 Jan', () => {
    expect(englandAndWales.holidaysIn(2028)).toEqual([
      '2028-01-01', // New Year's Day, a Saturday
      '2028-01-03', // New Year's Day (substitute day)
      '2028-04-14', // Good Friday
      '2028-04-17', // Easter Monday
      '2028-05-01', // Early May bank holiday
      '2028-05-29', // Spring bank holiday
      '2028-08-28', // Summer bank holiday
      '2028-12-25', // Christmas Day, a Monday
      '2028-12-26', // Boxing Day
    ]);
  });

  it('agrees with the hand list it replaces for 2025 and 2026, including the Boxing Day 2026 substitute', () => {
    expect(weekdaysOnly(englandAndWales.holidaysIn(2025))).toEqual(['2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26']);
    expect(weekdaysOnly(englandAndWales.holidaysIn(2026))).toEqual(['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28']);
  });

  it('keeps observances out and one-off bank holidays in', () => {
    expect(englandAndWales.holidaysIn(2027)).not.toContain('2027-03-07'); // Mother's Day
    expect(englandAndWales.holidaysIn(2027)).not.toContain('2027-03-28'); // Easter Sunday, an observance
    expect(englandAndWales.holidaysIn(2022)).toContain('2022-09-19'); // the Queen's funeral
  });

  it('never runs out: every year is answered, valid, and computed once', () => {
    const calendar = supportCalendar(englandAndWales);
    const years = Array.from({ length: 30 }, (_, i) => 2025 + i);
    expect(calendarProblems(calendar, years)).toEqual([]);
    for (const year of years) expect(weekdaysOnly(englandAndWales.holidaysIn(year)).length).toBeGreaterThanOrEqual(8);
    expect(englandAndWales.holidaysIn(2040)).toBe(englandAndWales.holidaysIn(2040));
    expect(holidayCalendar('GB-ENG')).toBe(englandAndWales);
  });

  it('names its region and follows it (Scotland keeps 2 January and St Andrew’s Day)', () => {
    expect(englandAndWales.region).toBe('GB-ENG');
    const scotland = holidayCalendar('GB-SCT').holidaysIn(2027);
    expect(scotland).toEqual(expect.arrayContaining(['2027-01-04', '2027-08-02', '2027-11-30']));
    expect(scotland).not.toContain('2027-03-29'); // no Easter Monday in Scotland
  });

  it('knows exactly the regions the library knows (the data file read at start-up and the library loaded later agree)', () => {
    const library = new (loadDateHolidays())();
    const countries = Object.keys(library.getCountries()).sort();
    expect(countries.length).toBeGreaterThan(100);
    expect([...knownHolidayRegions().keys()].sort()).toEqual(countries);
    for (const country of countries) {
      expect([...knownHolidayRegions().get(country)!].sort(), country).toEqual(Object.keys(library.getStates(country) ?? {}).sort());
    }
  });

  it('refuses a region date-holidays does not know, rather than falling back to the whole country', () => {
    expect(isKnownHolidayRegion('GB-ENG')).toBe(true);
    expect(isKnownHolidayRegion('GB')).toBe(true);
    expect(isKnownHolidayRegion('GB-XYZ')).toBe(false);
    expect(isKnownHolidayRegion('XX')).toBe(false);
    expect(isKnownHolidayRegion('GB-ENG-LND')).toBe(false);
    expect(() => holidayCalendar('GB-XYZ')).toThrow(/does not know the region GB-XYZ/);
  });
});
