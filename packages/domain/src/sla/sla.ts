// Service-level deadlines on a business calendar: when a target is due, when it becomes at risk
// (75 % of the working time used, early enough for a lead to step in), and where a clock stands now.
import { assert } from '../invariants/assert.js';
import { type BusinessCalendar, addBusinessTime, businessTimeBetween } from './business-calendar.js';

export const AT_RISK_THRESHOLD_BP = 7_500;

export type SlaStatus = 'on_track' | 'at_risk' | 'breached';

export interface SlaDeadlines {
  dueAtMs: number;
  atRiskAtMs: number;
}

export function slaDeadlines(startMs: number, durationMs: number, calendar: BusinessCalendar): SlaDeadlines {
  assert(Number.isSafeInteger(durationMs) && durationMs > 0, 'An SLA target must be a positive duration');
  return {
    dueAtMs: addBusinessTime(startMs, durationMs, calendar),
    atRiskAtMs: addBusinessTime(startMs, atRiskAfterMs(durationMs), calendar),
  };
}

/** Working time after which a target counts as at risk (rounded down: warn early, not late). */
export function atRiskAfterMs(durationMs: number): number {
  return Math.floor((durationMs * AT_RISK_THRESHOLD_BP) / 10_000);
}

export function slaStatus(
  startMs: number,
  durationMs: number,
  nowMs: number,
  calendar: BusinessCalendar,
): { status: SlaStatus; elapsedMs: number; remainingMs: number } {
  const elapsedMs = Math.max(0, businessTimeBetween(startMs, nowMs, calendar));
  const status: SlaStatus = elapsedMs >= durationMs ? 'breached' : elapsedMs >= atRiskAfterMs(durationMs) ? 'at_risk' : 'on_track';
  return { status, elapsedMs, remainingMs: Math.max(0, durationMs - elapsedMs) };
}
