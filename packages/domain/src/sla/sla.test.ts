import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvariantError } from '../invariants/assert.js';
import { HOUR_MS, MINUTE_MS } from '../units.js';
import { englandAndWalesBankHolidays, londonDisputeSlaPolicy, londonSupportCalendar } from '../testing/sla-fixtures.js';
import { type BusinessCalendar, addBusinessTime, businessTimeBetween, calendarProblems, noHolidays, workingIntervals } from './business-calendar.js';
import { disputeSlaFor, supportCalendar } from './dispute-sla.js';
import { atRiskAfterMs, slaDeadlines, slaStatus } from './sla.js';
import { civilDateOf, localTimeToInstant, zoneOffsetMs } from './time-zone.js';

const london = londonSupportCalendar; // Mon–Fri 09:00–17:30 Europe/London, England and Wales bank holidays 2025–2028
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe('time zones', () => {
  it('finds offsets and local instants across DST', () => {
    expect(zoneOffsetMs(at('2025-01-15T12:00:00Z'), 'Europe/London')).toBe(0);
    expect(zoneOffsetMs(at('2025-07-15T12:00:00Z'), 'Europe/London')).toBe(HOUR_MS);
    expect(zoneOffsetMs(at('2025-07-15T12:00:00Z'), 'America/New_York')).toBe(-4 * HOUR_MS);
    expect(iso(localTimeToInstant({ year: 2025, month: 7, day: 15 }, 9 * 60, 'Europe/London'))).toBe('2025-07-15T08:00:00.000Z');
    expect(iso(localTimeToInstant({ year: 2025, month: 1, day: 15 }, 9 * 60, 'America/New_York'))).toBe('2025-01-15T14:00:00.000Z');
    // 01:30 on 30 March 2025 does not exist in London (01:00 → 02:00): read with the winter offset, it is 02:30 BST.
    expect(iso(localTimeToInstant({ year: 2025, month: 3, day: 30 }, 90, 'Europe/London'))).toBe('2025-03-30T01:30:00.000Z');
    expect(civilDateOf(at('2025-07-15T23:30:00Z'), 'Europe/London')).toEqual({ year: 2025, month: 7, day: 16 });
  });
});

describe('addBusinessTime (Europe/London, Mon–Fri 09:00–17:30)', () => {
  // start (UTC) + working duration → due (UTC); check by hand against a calendar.
  const rows: [string, number, string, string][] = [
    ['2025-03-03T10:00:00Z', 4 * HOUR_MS, '2025-03-03T14:00:00.000Z', 'Monday within hours'],
    ['2025-03-03T16:00:00Z', 4 * HOUR_MS, '2025-03-04T11:30:00.000Z', 'overnight: 1.5 h Monday + 2.5 h Tuesday'],
    ['2025-03-07T16:00:00Z', 4 * HOUR_MS, '2025-03-10T11:30:00.000Z', 'over the weekend'],
    ['2025-03-08T12:00:00Z', 1 * HOUR_MS, '2025-03-10T10:00:00.000Z', 'started on Saturday'],
    ['2025-03-03T07:00:00Z', 30 * MINUTE_MS, '2025-03-03T09:30:00.000Z', 'started before opening'],
    ['2025-04-17T16:00:00Z', 1 * HOUR_MS, '2025-04-22T08:30:00.000Z', 'Easter: Good Friday and Easter Monday are holidays (BST)'],
    ['2025-03-28T17:00:00Z', 1 * HOUR_MS, '2025-03-31T08:30:00.000Z', 'clocks go forward on Sunday 30 March'],
    ['2025-03-03T17:30:00Z', 0, '2025-03-04T09:00:00.000Z', 'zero duration at closing: the next opening'],
    ['2025-03-03T12:00:00Z', 0, '2025-03-03T12:00:00.000Z', 'zero duration within hours: now'],
    ['2025-03-03T09:00:00Z', 8.5 * HOUR_MS, '2025-03-03T17:30:00.000Z', 'a whole day ends at closing, not next morning'],
  ];
  it.each(rows)('%s + %i ms → %s (%s)', (start, durationMs, due) => {
    expect(iso(addBusinessTime(at(start), durationMs, london))).toBe(due);
  });

  it('handles split shifts and other zones', () => {
    const nyc: BusinessCalendar = { timeZone: 'America/New_York', workingHours: { mon: [{ from: '13:00', to: '17:00' }, { from: '08:00', to: '12:00' }] }, holidays: noHolidays };
    expect(calendarProblems(nyc, [2025])).toEqual([]);
    // Monday 6 Jan 2025 11:00 EST (16:00Z) + 2 h → 1 h morning + 1 h after lunch → 14:00 EST.
    expect(iso(addBusinessTime(at('2025-01-06T16:00:00Z'), 2 * HOUR_MS, nyc))).toBe('2025-01-06T19:00:00.000Z');
    expect(iso(addBusinessTime(at('2025-01-06T22:00:00Z'), 1 * HOUR_MS, nyc))).toBe('2025-01-13T14:00:00.000Z');
  });

  it('refuses negative durations and calendars with no working time', () => {
    expect(() => addBusinessTime(0, -1, london)).toThrow(InvariantError);
    expect(() => addBusinessTime(0, HOUR_MS, { timeZone: 'UTC', workingHours: {}, holidays: noHolidays })).toThrow(InvariantError);
  });
});

describe('businessTimeBetween', () => {
  it('counts only working time', () => {
    expect(businessTimeBetween(at('2025-03-07T16:00:00Z'), at('2025-03-10T11:30:00Z'), london)).toBe(4 * HOUR_MS);
    expect(businessTimeBetween(at('2025-03-10T11:30:00Z'), at('2025-03-07T16:00:00Z'), london)).toBe(-4 * HOUR_MS);
    expect(businessTimeBetween(at('2025-03-08T00:00:00Z'), at('2025-03-09T23:00:00Z'), london)).toBe(0);
  });

  it('is the inverse of addBusinessTime (property, 300 runs)', () => {
    fc.assert(
      fc.property(fc.integer({ min: at('2025-01-01T00:00:00Z'), max: at('2028-12-01T00:00:00Z') }), fc.integer({ min: 1, max: 60 * HOUR_MS }), (startMs, durationMs) => {
        const dueMs = addBusinessTime(startMs, durationMs, london);
        expect(businessTimeBetween(startMs, dueMs, london)).toBe(durationMs);
      }),
      { numRuns: 300 },
    );
  });
});

describe('calendar validation', () => {
  it('reports bad zones, periods, overlaps and holidays', () => {
    const bad: BusinessCalendar = {
      timeZone: 'Mars/Olympus',
      workingHours: { mon: [{ from: '09:00', to: '08:00' }], tue: [{ from: '09:00', to: '12:00' }, { from: '11:00', to: '13:00' }], wed: [{ from: '9am', to: '17:00' }] },
      holidays: { region: 'XX', holidaysIn: (year) => (year === 2025 ? ['25/12/2025', '2024-12-25'] : []) },
    };
    expect(calendarProblems(bad, [2025, 2026])).toEqual([
      'unknown time zone Mars/Olympus',
      'mon 09:00–08:00 is not a valid period',
      'tue 11:00–13:00 overlaps the previous period',
      'wed 9am–17:00 is not a valid period',
      'holiday 25/12/2025 is not YYYY-MM-DD',
      'holiday 2024-12-25 is listed in 2025',
    ]);
    expect(calendarProblems(london, [2025, 2026, 2027, 2028])).toEqual([]);
    expect(workingIntervals({ year: 2025, month: 12, day: 25 }, london)).toEqual([]);
    expect(() => workingIntervals({ year: 2025, month: 3, day: 5 }, bad)).toThrow(InvariantError);
  });
});

describe('SLA status', () => {
  const start = at('2025-03-03T09:00:00Z');
  it('is at risk from 75 % of the working time and breached at 100 %', () => {
    expect(atRiskAfterMs(4 * HOUR_MS)).toBe(3 * HOUR_MS);
    expect(slaDeadlines(start, 4 * HOUR_MS, london)).toEqual({ dueAtMs: at('2025-03-03T13:00:00Z'), atRiskAtMs: at('2025-03-03T12:00:00Z') });
    expect(slaStatus(start, 4 * HOUR_MS, at('2025-03-03T11:59:59Z'), london).status).toBe('on_track');
    expect(slaStatus(start, 4 * HOUR_MS, at('2025-03-03T12:00:00Z'), london)).toEqual({ status: 'at_risk', elapsedMs: 3 * HOUR_MS, remainingMs: HOUR_MS });
    expect(slaStatus(start, 4 * HOUR_MS, at('2025-03-03T13:00:00Z'), london).status).toBe('breached');
    expect(slaStatus(start, 4 * HOUR_MS, at('2025-03-01T00:00:00Z'), london)).toEqual({ status: 'on_track', elapsedMs: 0, remainingMs: 4 * HOUR_MS });
    expect(() => slaDeadlines(start, 0, london)).toThrow(InvariantError);
  });

  it('maps dispute states to their clocks', () => {
    expect(disputeSlaFor('open', start, londonDisputeSlaPolicy)).toEqual({ kind: 'first_response', dueAtMs: at('2025-03-03T13:00:00Z'), atRiskAtMs: at('2025-03-03T12:00:00Z') });
    // 16 working hours from Monday 09:00 = Monday 8.5 h + Tuesday 7.5 h → Tuesday 16:30.
    expect(disputeSlaFor('awaiting_seller', start, londonDisputeSlaPolicy)?.dueAtMs).toBe(at('2025-03-04T16:30:00Z'));
    expect(disputeSlaFor('closed', start, londonDisputeSlaPolicy)).toBeNull();
  });
});

// The old hand list stopped at 2026-12-28, so from 2027 every bank holiday counted as a working day.
// Winter is GMT (UTC); from 28 March 2027 London is on BST (UTC+1).
describe('deadlines across the 2027 and 2028 bank holidays', () => {
  const rows: [string, string, string, string, string][] = [
    // state, entered (UTC), due (UTC), at risk (UTC), why
    ['open', '2026-12-31T16:30:00Z', '2027-01-04T12:00:00.000Z', '2027-01-04T11:00:00.000Z', 'late on Thu 31 Dec 2026: 1 h, New Year Fri 1 Jan 2027 and the weekend off, 3 h on Mon 4 Jan'],
    ['under_review', '2027-03-25T16:00:00Z', '2027-04-01T13:30:00.000Z', '2027-03-31T16:00:00.000Z', 'Easter 2027: Good Friday 26 and Easter Monday 29 March off, then BST: 1.5 h + 8.5 h + 8.5 h + 5.5 h'],
    ['awaiting_seller', '2027-12-24T13:00:00Z', '2027-12-30T12:00:00.000Z', '2027-12-29T16:30:00.000Z', 'Christmas 2027 on a Saturday: substitutes Mon 27 and Tue 28 Dec off; 4.5 h + 8.5 h + 3 h'],
    ['open', '2027-12-31T15:00:00Z', '2028-01-04T10:30:00.000Z', '2028-01-04T09:30:00.000Z', 'New Year 2028 on a Saturday: substitute Mon 3 Jan off; 2.5 h Fri + 1.5 h Tue'],
    ['awaiting_buyer', '2028-04-13T15:30:00Z', '2028-04-19T14:30:00.000Z', '2028-04-19T10:30:00.000Z', 'Easter 2028 (BST): from Thu 16:30, Good Friday 14 and Easter Monday 17 April off; 1 h + 8.5 h Tue + 6.5 h Wed'],
  ];
  it.each(rows)('%s entered %s is due %s (at risk %s): %s', (state, entered, due, atRisk) => {
    const sla = disputeSlaFor(state, at(entered), londonDisputeSlaPolicy)!;
    expect({ due: iso(sla.dueAtMs), atRisk: iso(sla.atRiskAtMs) }).toEqual({ due, atRisk });
  });

  it('counts no working time on a substitute day, and the status clock agrees', () => {
    expect(workingIntervals({ year: 2027, month: 12, day: 27 }, london)).toEqual([]);
    expect(workingIntervals({ year: 2028, month: 1, day: 3 }, london)).toEqual([]);
    expect(workingIntervals({ year: 2027, month: 12, day: 24 }, london)).toHaveLength(1); // Christmas Eve is worked
    expect(businessTimeBetween(at('2027-12-24T17:30:00Z'), at('2027-12-29T09:00:00Z'), london)).toBe(0);
    expect(slaStatus(at('2026-12-31T16:30:00Z'), 4 * HOUR_MS, at('2027-01-04T11:00:00Z'), london)).toEqual({ status: 'at_risk', elapsedMs: 3 * HOUR_MS, remainingMs: HOUR_MS });
  });

  it('asks the holiday calendar only for the years a deadline spans', () => {
    const asked: number[] = [];
    const counting = supportCalendar({ region: 'GB-ENG', holidaysIn: (year) => (asked.push(year), englandAndWalesBankHolidays.holidaysIn(year)) });
    addBusinessTime(at('2027-12-31T15:00:00Z'), 4 * HOUR_MS, counting);
    expect([...new Set(asked)]).toEqual([2027, 2028]);
  });
});
