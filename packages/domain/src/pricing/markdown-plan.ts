// Applying the markdown schedule to real listings: which period (step) a listing is in, whether a
// run should lower its price now, the planned price history sellers and admins see, and the
// preview of a bulk policy change. Pure: the caller passes the clock (`nowMs`) and the listings.
//
// Why periods: a markdown job runs on a timer and may run twice (a retry, two workers, an admin's
// "run now"). Each step of the schedule is a period; a listing is lowered at most once per period
// (the service keys the price change by period), and a run never raises a price, so running
// twice lowers once.
import { assert } from '../invariants/assert.js';
import { DAY_MS } from '../units.js';
import { daysInStock, markdownPriceMinor } from './markdown.js';
import type { PricingPolicy } from './policy.js';
import { priceAtOrAbove } from './price-ending.js';

/** What a markdown needs to know about one listing. Amounts in minor units. */
export interface MarkdownSubject {
  /** The shelf price before any markdown (the seller's or the policy's list price). */
  listPriceMinor: number;
  /** What the listing sells for right now (may already be marked down, or lowered by the seller). */
  currentPriceMinor: number;
  /** What the item cost us; 0 when unknown (a third-party seller's listing). */
  costMinor: number;
  stockedAtMs: number;
}

/** The index of the last markdown step reached after `days` in stock, or -1 before the first. */
export function markdownPeriod(days: number, policy: PricingPolicy): number {
  let period = -1;
  policy.markdown.forEach((step, i) => {
    if (days >= step.afterDays) period = i;
  });
  return period;
}

/** The lowest price a markdown may reach: cost or the policy floor, whichever is higher, on a price ending. */
export function markdownFloorMinor(costMinor: number, policy: PricingPolicy): number {
  assert(Number.isSafeInteger(costMinor) && costMinor >= 0, 'costMinor must be a non-negative integer');
  return priceAtOrAbove(Math.max(costMinor, policy.sellFloorMinor), policy.sellEnding, policy.currency);
}

export type MarkdownDecision =
  | { change: true; period: number; days: number; fromMinor: number; toMinor: number }
  | { change: false; period: number; days: number; reason: 'not_yet' | 'at_or_below_target' };

/** Should a run lower this listing now? Never raises a price; never goes below the floor. */
export function decideMarkdown(subject: MarkdownSubject, policy: PricingPolicy, nowMs: number): MarkdownDecision {
  assert(Number.isSafeInteger(subject.currentPriceMinor) && subject.currentPriceMinor >= 0, 'currentPriceMinor must be a non-negative integer');
  const days = daysInStock(subject.stockedAtMs, nowMs);
  const period = markdownPeriod(days, policy);
  if (period < 0) return { change: false, period, days, reason: 'not_yet' };
  const target = markdownPriceMinor(subject.listPriceMinor, subject.costMinor, days, policy);
  if (target >= subject.currentPriceMinor) return { change: false, period, days, reason: 'at_or_below_target' };
  return { change: true, period, days, fromMinor: subject.currentPriceMinor, toMinor: target };
}

export interface PlannedPrice {
  /** -1 is the list price (before the first step). */
  period: number;
  afterDays: number;
  atMs: number;
  priceMinor: number;
  discountBp: number;
  /** True when the floor (cost or policy floor) holds the price up at this step. */
  atFloor: boolean;
  reached: boolean;
}

/** The planned price history: the list price, then each step's price and when it applies. */
export function markdownSchedule(subject: Pick<MarkdownSubject, 'listPriceMinor' | 'costMinor' | 'stockedAtMs'>, policy: PricingPolicy, nowMs: number): PlannedPrice[] {
  const floor = markdownFloorMinor(subject.costMinor, policy);
  const list: PlannedPrice = { period: -1, afterDays: 0, atMs: subject.stockedAtMs, priceMinor: subject.listPriceMinor, discountBp: 0, atFloor: false, reached: true };
  const steps = policy.markdown.map((step, i): PlannedPrice => {
    const atMs = subject.stockedAtMs + step.afterDays * DAY_MS;
    const priceMinor = markdownPriceMinor(subject.listPriceMinor, subject.costMinor, step.afterDays, policy);
    return { period: i, afterDays: step.afterDays, atMs, priceMinor, discountBp: step.discountBp, atFloor: priceMinor === floor && priceMinor < subject.listPriceMinor, reached: atMs <= nowMs };
  });
  return [list, ...steps];
}

/** One listing in a bulk policy change: where its price is, and where the policy would put it. */
export interface PolicyCandidate extends MarkdownSubject {
  listingId: string;
}

export interface PolicyChangeRow {
  listingId: string;
  days: number;
  period: number;
  fromMinor: number;
  toMinor: number;
  deltaMinor: number;
  floorMinor: number;
  /** The floor, not the discount, decided the new price. */
  floorBound: boolean;
}

export interface PolicyChangePreview {
  rows: PolicyChangeRow[];
  summary: { listings: number; changed: number; lowered: number; raised: number; deltaMinor: number; floorBound: number };
}

/**
 * What applying `policy` to these listings does: each price becomes the policy's price for its
 * age, computed from its list price. Unlike a markdown run this may raise a price (an admin moving
 * listings to a gentler policy), which the preview shows. Applying uses this same function, so the
 * dry run and the change agree by construction.
 */
export function previewPolicyChange(candidates: readonly PolicyCandidate[], policy: PricingPolicy, nowMs: number): PolicyChangePreview {
  const rows = candidates.map((c): PolicyChangeRow => {
    const days = daysInStock(c.stockedAtMs, nowMs);
    const toMinor = markdownPriceMinor(c.listPriceMinor, c.costMinor, days, policy);
    const floorMinor = markdownFloorMinor(c.costMinor, policy);
    const discounted = markdownPeriod(days, policy) >= 0;
    return { listingId: c.listingId, days, period: markdownPeriod(days, policy), fromMinor: c.currentPriceMinor, toMinor, deltaMinor: toMinor - c.currentPriceMinor, floorMinor, floorBound: discounted && toMinor === floorMinor && toMinor < c.listPriceMinor };
  });
  const changed = rows.filter((r) => r.deltaMinor !== 0);
  return {
    rows,
    summary: {
      listings: rows.length,
      changed: changed.length,
      lowered: changed.filter((r) => r.deltaMinor < 0).length,
      raised: changed.filter((r) => r.deltaMinor > 0).length,
      deltaMinor: changed.reduce((sum, r) => sum + r.deltaMinor, 0),
      floorBound: rows.filter((r) => r.floorBound).length,
    },
  };
}
