// "Arrives between Tue 4 and Fri 7 March": a delivery window counted in business days.
//
// Business days are Monday to Friday in UTC; public holidays are ignored (the window is an
// estimate, and its 3-day spread absorbs them). An order placed at the weekend starts counting on
// Monday, as a seller cannot dispatch before then: Saturday + 1 business day is Tuesday, Friday +
// 1 is Monday, and + 0 is "the next business moment" (the same instant on a weekday). The time of
// day is kept; clients show the dates.
import { assert } from '../invariants/assert.js';
import { MAX_DELIVERY_SLA_DAYS } from './limits.js';

const DAY_MS = 86_400_000;
/** How many business days after the earliest date the latest date falls. */
export const DELIVERY_WINDOW_SPREAD_DAYS = 3;

export interface DeliveryEstimate {
  earliestMs: number;
  latestMs: number;
}

export function deliveryEstimate(slaDays: number, fromMs: number): DeliveryEstimate {
  assert(Number.isInteger(slaDays) && slaDays >= 0 && slaDays <= MAX_DELIVERY_SLA_DAYS, `slaDays must be 0…${MAX_DELIVERY_SLA_DAYS}, got ${slaDays}`);
  assert(Number.isSafeInteger(fromMs), 'fromMs must be an integer instant');
  return { earliestMs: addBusinessDays(fromMs, slaDays), latestMs: addBusinessDays(fromMs, slaDays + DELIVERY_WINDOW_SPREAD_DAYS) };
}

/** `days` business days after `fromMs` (after rolling a weekend start forward to Monday). */
export function addBusinessDays(fromMs: number, days: number): number {
  let atMs = fromMs;
  while (isWeekend(atMs)) atMs += DAY_MS;
  for (let left = days; left > 0; ) {
    atMs += DAY_MS;
    if (!isWeekend(atMs)) left -= 1;
  }
  return atMs;
}

function isWeekend(atMs: number): boolean {
  const weekday = new Date(atMs).getUTCDay();
  return weekday === 0 || weekday === 6;
}
