// Markdown runs, planned price history and bulk policy previews (default policy, EUR):
// −10 % after 30 days, −20 % after 60, −35 % after 90, −50 % after 180; floor €2.99 or cost.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../units.js';
import { decideMarkdown, markdownFloorMinor, markdownPeriod, markdownSchedule, previewPolicyChange, type MarkdownSubject } from './markdown-plan.js';
import { defaultPricingPolicy as policy } from './policy.js';

const stockedAtMs = Date.UTC(2026, 0, 1);
const at = (days: number) => stockedAtMs + days * DAY_MS;
const subject = (over: Partial<MarkdownSubject> = {}): MarkdownSubject => ({ listPriceMinor: 1_999, currentPriceMinor: 1_999, costMinor: 800, stockedAtMs, ...over });

describe('markdown periods', () => {
  it('is the index of the last step reached', () => {
    expect([0, 29, 30, 59, 60, 90, 179, 180, 900].map((d) => markdownPeriod(d, policy))).toEqual([-1, -1, 0, 0, 1, 2, 2, 3, 3]);
  });
});

describe('deciding a markdown run', () => {
  it('does nothing before the first step', () => {
    expect(decideMarkdown(subject(), policy, at(29))).toEqual({ change: false, period: -1, days: 29, reason: 'not_yet' });
  });

  it('lowers to the step price, and a second run in the same period changes nothing', () => {
    const first = decideMarkdown(subject(), policy, at(31));
    expect(first).toEqual({ change: true, period: 0, days: 31, fromMinor: 1_999, toMinor: 1_799 });
    expect(decideMarkdown(subject({ currentPriceMinor: 1_799 }), policy, at(31))).toMatchObject({ change: false, reason: 'at_or_below_target' });
    expect(decideMarkdown(subject({ currentPriceMinor: 1_799 }), policy, at(61))).toMatchObject({ change: true, period: 1, toMinor: 1_599 });
  });

  it('never raises a price the seller already lowered', () => {
    expect(decideMarkdown(subject({ currentPriceMinor: 1_500 }), policy, at(61))).toMatchObject({ change: false, reason: 'at_or_below_target' });
  });

  it('stops at the floor: cost or the policy floor on a .99 ending', () => {
    expect(markdownFloorMinor(1_200, policy)).toBe(1_299);
    expect(markdownFloorMinor(0, policy)).toBe(299);
    expect(decideMarkdown(subject({ costMinor: 1_200 }), policy, at(200))).toMatchObject({ change: true, toMinor: 1_299 });
    expect(decideMarkdown(subject({ costMinor: 1_200, currentPriceMinor: 1_299 }), policy, at(400))).toMatchObject({ change: false });
  });

  it('property: a run never raises, never goes below the floor, and a second run changes nothing', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200_000 }), fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 5_000 }), (list, cost, days, lowered) => {
        const s = subject({ listPriceMinor: list, currentPriceMinor: Math.max(0, list - lowered), costMinor: cost });
        const d = decideMarkdown(s, policy, at(days));
        if (!d.change) return;
        expect(d.toMinor).toBeLessThan(s.currentPriceMinor);
        expect(d.toMinor).toBeGreaterThanOrEqual(Math.min(markdownFloorMinor(cost, policy), list));
        expect(decideMarkdown({ ...s, currentPriceMinor: d.toMinor }, policy, at(days)).change).toBe(false);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('planned price history', () => {
  it('lists the list price and every step with its date, marking the floor and what has happened', () => {
    const plan = markdownSchedule({ listPriceMinor: 1_999, costMinor: 1_200, stockedAtMs }, policy, at(65));
    expect(plan.map((p) => [p.period, p.afterDays, p.priceMinor, p.atFloor, p.reached])).toEqual([
      [-1, 0, 1_999, false, true],
      [0, 30, 1_799, false, true],
      [1, 60, 1_599, false, true],
      [2, 90, 1_299, true, false],
      [3, 180, 1_299, true, false],
    ]);
    expect(plan[2]!.atMs).toBe(at(60));
  });
});

describe('bulk policy preview', () => {
  it('shows what would change and by how much, including raises back to a gentler policy', () => {
    const preview = previewPolicyChange(
      [
        { listingId: 'new', ...subject(), stockedAtMs: at(50) },
        { listingId: 'old', ...subject() },
        { listingId: 'deep', ...subject({ currentPriceMinor: 999 }) },
        { listingId: 'floor', ...subject({ costMinor: 1_500 }) },
      ],
      policy,
      at(95),
    );
    expect(preview.rows.map((r) => [r.listingId, r.days, r.fromMinor, r.toMinor, r.deltaMinor, r.floorBound])).toEqual([
      ['new', 45, 1_999, 1_799, -200, false],
      ['old', 95, 1_999, 1_299, -700, false],
      ['deep', 95, 999, 1_299, 300, false],
      ['floor', 95, 1_999, 1_599, -400, true],
    ]);
    expect(preview.summary).toEqual({ listings: 4, changed: 4, lowered: 3, raised: 1, deltaMinor: -1_000, floorBound: 1 });
  });
});
