import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvariantError } from '../invariants/assert.js';
import { HOUR_MS, MINUTE_MS } from '../units.js';
import { type BusinessCalendar, addBusinessTime, businessTimeBetween, calendarProblems, workingIntervals } from './business-calendar.js';
import { defaultDisputeSlaPolicy, defaultSupportCalendar, disputeSlaFor } from './dispute-sla.js';
import { atRiskAfterMs, slaDeadlines, slaStatus } from './sla.js';
import { civilDateOf, localTimeToInstant, zoneOffsetMs } from './time-zone.js';

const london = defaultSupportCalendar; // Mon–Fri 09:00–17:30 Europe/London, bank holidays
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
    const nyc: BusinessCalendar = { timeZone: 'America/New_York', workingHours: { mon: [{ from: '13:00', to: '17:00' }, { from: '08:00', to: '12:00' }] }, holidays: [] };
    expect(calendarProblems(nyc)).toEqual([]);
    // Monday 6 Jan 2025 11:00 EST (16:00Z) + 2 h → 1 h morning + 1 h after lunch → 14:00 EST.
    expect(iso(addBusinessTime(at('2025-01-06T16:00:00Z'), 2 * HOUR_MS, nyc))).toBe('2025-01-06T19:00:00.000Z');
    expect(iso(addBusinessTime(at('2025-01-06T22:00:00Z'), 1 * HOUR_MS, nyc))).toBe('2025-01-13T14:00:00.000Z');
  });

  it('refuses negative durations and calendars with no working time', () => {
    expect(() => addBusinessTime(0, -1, london)).toThrow(InvariantError);
    expect(() => addBusinessTime(0, HOUR_MS, { timeZone: 'UTC', workingHours: {}, holidays: [] })).toThrow(InvariantError);
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
      fc.property(fc.integer({ min: at('2025-01-01T00:00:00Z'), max: at('2026-12-01T00:00:00Z') }), fc.integer({ min: 1, max: 60 * HOUR_MS }), (startMs, durationMs) => {
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
      holidays: ['25/12/2025'],
    };
    expect(calendarProblems(bad)).toHaveLength(5);
    expect(calendarProblems(london)).toEqual([]);
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
    expect(disputeSlaFor('open', start, defaultDisputeSlaPolicy)).toEqual({ kind: 'first_response', dueAtMs: at('2025-03-03T13:00:00Z'), atRiskAtMs: at('2025-03-03T12:00:00Z') });
    // 16 working hours from Monday 09:00 = Monday 8.5 h + Tuesday 7.5 h → Tuesday 16:30.
    expect(disputeSlaFor('awaiting_seller', start, defaultDisputeSlaPolicy)?.dueAtMs).toBe(at('2025-03-04T16:30:00Z'));
    expect(disputeSlaFor('closed', start, defaultDisputeSlaPolicy)).toBeNull();
  });
});
