// The dispute desk's SLA policy: which clock runs in which dispute state, for how much working time,
// on which calendar. The dispute machine turns these into timers on entering each state.
import { HOUR_MS } from '../units.js';
import type { BusinessCalendar } from './business-calendar.js';
import { type SlaDeadlines, slaDeadlines } from './sla.js';

export const disputeSlaKinds = ['first_response', 'seller_response', 'buyer_response', 'resolution'] as const;
export type DisputeSlaKind = (typeof disputeSlaKinds)[number];

/** Which clock runs while a dispute waits in each state; other states run none. */
export const disputeSlaByState = {
  open: 'first_response',
  awaiting_seller: 'seller_response',
  awaiting_buyer: 'buyer_response',
  under_review: 'resolution',
} as const satisfies Record<string, DisputeSlaKind>;

export interface DisputeSlaPolicy {
  calendar: BusinessCalendar;
  /** Working time allowed for each target. */
  targetsMs: Record<DisputeSlaKind, number>;
}

const weekday = [{ from: '09:00', to: '17:30' }];

/** The support team in London, Monday to Friday 09:00–17:30, England and Wales bank holidays. */
export const defaultSupportCalendar: BusinessCalendar = {
  timeZone: 'Europe/London',
  workingHours: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday },
  holidays: [
    '2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26',
    '2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28',
  ],
};

export const defaultDisputeSlaPolicy: DisputeSlaPolicy = {
  calendar: defaultSupportCalendar,
  targetsMs: { first_response: 4 * HOUR_MS, seller_response: 16 * HOUR_MS, buyer_response: 16 * HOUR_MS, resolution: 24 * HOUR_MS },
};

export function disputeSlaFor(state: string, enteredAtMs: number, policy: DisputeSlaPolicy): (SlaDeadlines & { kind: DisputeSlaKind }) | null {
  const kind = (disputeSlaByState as Record<string, DisputeSlaKind | undefined>)[state];
  if (!kind) return null;
  return { kind, ...slaDeadlines(enteredAtMs, policy.targetsMs[kind], policy.calendar) };
}
