// Property family "allocation never loses or creates a cent": 10 000 random splits.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate } from './allocate.js';
import { money } from './money.js';

describe('allocate (property)', () => {
  it('parts always sum to the total, zero weights get zero, and each part is within one cent of its exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 }),
        fc.array(fc.nat({ max: 1_000_000 }), { minLength: 1, maxLength: 12 }).filter((r) => r.some((x) => x > 0)),
        (totalMinor, ratios) => {
          const parts = allocate(money(totalMinor, 'EUR'), ratios).map((m) => m.amountMinor);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(totalMinor);
          const weightSum = ratios.reduce((a, b) => a + b, 0);
          parts.forEach((part, i) => {
            const r = ratios[i] ?? 0;
            if (r === 0) expect(part).toBe(0);
            const exact = (BigInt(totalMinor) * BigInt(r)) / BigInt(weightSum); // truncated toward zero
            expect(Math.abs(part - Number(exact))).toBeLessThanOrEqual(1);
          });
        },
      ),
      { numRuns: 10_000 },
    );
  });
});
