import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvariantError } from '../invariants/assert.js';
import { addBusinessDays, deliveryEstimate } from './delivery-estimate.js';

const at = (isoDate: string) => Date.parse(`${isoDate}T09:30:00Z`);
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe('deliveryEstimate', () => {
  it('counts business days, keeping the time of day', () => {
    // Monday 3 March 2025 + 2 → Wednesday 5; + 5 → Monday 10 (the weekend is skipped).
    expect(deliveryEstimate(2, at('2025-03-03'))).toEqual({ earliestMs: at('2025-03-05'), latestMs: at('2025-03-10') });
    // Friday 7 + 1 → Monday 10; + 4 → Thursday 13.
    expect(deliveryEstimate(1, at('2025-03-07'))).toEqual({ earliestMs: at('2025-03-10'), latestMs: at('2025-03-13') });
    // Thursday 6 + 3 → Tuesday 11; + 6 → Friday 14.
    expect(deliveryEstimate(3, at('2025-03-06'))).toEqual({ earliestMs: at('2025-03-11'), latestMs: at('2025-03-14') });
  });

  it('starts a weekend order on Monday', () => {
    expect(day(addBusinessDays(at('2025-03-08'), 0))).toBe('2025-03-10'); // Saturday + 0 → Monday
    expect(day(addBusinessDays(at('2025-03-09'), 1))).toBe('2025-03-11'); // Sunday + 1 → Tuesday
    expect(deliveryEstimate(0, at('2025-03-08'))).toEqual({ earliestMs: at('2025-03-10'), latestMs: at('2025-03-13') });
  });

  it('treats 0 days on a weekday as the same moment', () => {
    expect(deliveryEstimate(0, at('2025-03-05')).earliestMs).toBe(at('2025-03-05'));
  });

  it('uses UTC days: 23:30 UTC on a Friday is still Friday', () => {
    const fridayLate = Date.parse('2025-03-07T23:30:00Z');
    expect(day(addBusinessDays(fridayLate, 1))).toBe('2025-03-10');
  });

  it('refuses impossible SLAs as programming errors', () => {
    for (const sla of [-1, 1.5, 366, Number.NaN]) expect(() => deliveryEstimate(sla, at('2025-03-03'))).toThrow(InvariantError);
    expect(() => deliveryEstimate(1, 1.5)).toThrow(InvariantError);
  });

  it('always lands on a weekday, in order, 3 business days apart (property)', () => {
    const toWeekday = (ms: number) => new Date(ms).getUTCDay();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }), (sla, fromMs) => {
        const { earliestMs, latestMs } = deliveryEstimate(sla, fromMs);
        for (const ms of [earliestMs, latestMs]) expect([1, 2, 3, 4, 5]).toContain(toWeekday(ms));
        expect(earliestMs).toBeGreaterThanOrEqual(fromMs);
        expect(latestMs).toBe(addBusinessDays(earliestMs, 3));
        // sla business days take between sla and sla + 2 (a weekend) calendar days per 5 days … bounded by 7/5 × sla + 2.
        expect(earliestMs - fromMs).toBeLessThanOrEqual((Math.ceil((sla * 7) / 5) + 2) * 86_400_000);
      }),
      { numRuns: 2_000 },
    );
  });
});
