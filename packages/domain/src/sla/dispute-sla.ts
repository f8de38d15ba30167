// The dispute desk's SLA policy: which clock runs in which dispute state, for how much working time,
// on which calendar. The dispute machine turns these into timers on entering each state.
import { HOUR_MS } from '../units.js';
import type { BusinessCalendar, HolidayCalendar } from './business-calendar.js';
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

/** The support team's hours: London, Monday to Friday 09:00–17:30. */
export const supportHours: Omit<BusinessCalendar, 'holidays'> = {
  timeZone: 'Europe/London',
  workingHours: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday },
};

/**
 * The support team's calendar: its hours, closed on the bank holidays of a region. The holidays come
 * from the edge (the API derives England and Wales's, or SLA_HOLIDAY_REGION's, from date-holidays)
 * because a list written here would run out; every SLA clock of the desk runs on this calendar.
 */
export function supportCalendar(holidays: HolidayCalendar): BusinessCalendar {
  return { ...supportHours, holidays };
}

export const disputeSlaTargetsMs: Record<DisputeSlaKind, number> = {
  first_response: 4 * HOUR_MS,
  seller_response: 16 * HOUR_MS,
  buyer_response: 16 * HOUR_MS,
  resolution: 24 * HOUR_MS,
};

export function disputeSlaPolicy(calendar: BusinessCalendar): DisputeSlaPolicy {
  return { calendar, targetsMs: disputeSlaTargetsMs };
}

export function disputeSlaFor(state: string, enteredAtMs: number, policy: DisputeSlaPolicy): (SlaDeadlines & { kind: DisputeSlaKind }) | null {
  const kind = (disputeSlaByState as Record<string, DisputeSlaKind | undefined>)[state];
  if (!kind) return null;
  return { kind, ...slaDeadlines(enteredAtMs, policy.targetsMs[kind], policy.calendar) };
}
