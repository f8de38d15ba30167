// Calendars for the SLA tests. The domain cannot ask date-holidays (it stays pure), so its tests use
// England and Wales's bank holidays written out for 2025–2028 (gov.uk's list; 2028 by the same rules
// and substitute days, before gov.uk publishes it). The API's tests check the same deadlines on the
// calendar it derives from date-holidays. A year outside the list throws, so no test silently runs
// past its data the way the old hand list did.
import { InvariantError } from '../invariants/assert.js';
import { createDisputeMachine } from '../machines/definitions/dispute.js';
import type { HolidayCalendar } from '../sla/business-calendar.js';
import { disputeSlaPolicy, supportCalendar } from '../sla/dispute-sla.js';

export function fixedHolidays(region: string, firstYear: number, lastYear: number, dates: readonly string[]): HolidayCalendar {
  const byYear = new Map<number, string[]>();
  for (let year = firstYear; year <= lastYear; year++) byYear.set(year, []);
  for (const d of dates) byYear.get(Number(d.slice(0, 4)))?.push(d);
  return {
    region,
    holidaysIn(year) {
      const dates = byYear.get(year);
      if (!dates) throw new InvariantError(`The ${region} test calendar lists ${firstYear}–${lastYear} only, not ${year}`);
      return dates;
    },
  };
}

export const englandAndWalesBankHolidays = fixedHolidays('GB-ENG', 2025, 2028, [
  '2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26',
  '2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28',
  // Christmas on a Saturday and Boxing Day on a Sunday: Monday and Tuesday are the substitute days.
  '2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28',
  // New Year's Day on a Saturday: Monday 3 January is its substitute.
  '2028-01-03', '2028-04-14', '2028-04-17', '2028-05-01', '2028-05-29', '2028-08-28', '2028-12-25', '2028-12-26',
]);

/** The support desk (London, Mon–Fri 09:00–17:30) closed on England and Wales's bank holidays. */
export const londonSupportCalendar = supportCalendar(englandAndWalesBankHolidays);
export const londonDisputeSlaPolicy = disputeSlaPolicy(londonSupportCalendar);
export const londonDisputeMachine = createDisputeMachine(londonDisputeSlaPolicy);
