import { describe, expect, it } from 'vitest';
import { moneySchema } from './money.js';
import { submissionItemsSchema } from './pricing.js';

describe('shared input schemas', () => {
  it('accepts integer minor units in a known currency only', () => {
    expect(moneySchema.safeParse({ amountMinor: 1999, currency: 'EUR' }).success).toBe(true);
    expect(moneySchema.safeParse({ amountMinor: 19.99, currency: 'EUR' }).success).toBe(false);
    expect(moneySchema.safeParse({ amountMinor: -1, currency: 'EUR' }).success).toBe(false);
    expect(moneySchema.safeParse({ amountMinor: 1, currency: 'XXX' }).success).toBe(false);
  });

  it('validates submission items', () => {
    expect(submissionItemsSchema.safeParse([{ itemId: 'a', grade: 'VG+', referencePriceMinor: 2000 }]).success).toBe(true);
    expect(submissionItemsSchema.safeParse([{ itemId: 'a', grade: 'Excellent', referencePriceMinor: 2000 }]).success).toBe(false);
    expect(submissionItemsSchema.safeParse([]).success).toBe(false);
  });
});
