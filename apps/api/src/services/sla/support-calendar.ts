// The calendar every SLA clock in this process runs on — dispute deadlines and their timers, queue
// rows' "SLA due" — so the rule lives in one place: the domain's support hours (London, Mon–Fri
// 09:00–17:30), closed on the public and bank holidays of SLA_HOLIDAY_REGION, derived from
// date-holidays year by year. One desk per deployment, so the region is set once at start-up (API
// and worker, like the chat's staff reply check); until then it is the configured default.
import { type BusinessCalendar, type DisputeSlaPolicy, createDisputeMachine, disputeSlaPolicy, supportCalendar } from '@marketdesk/domain';
import { defaultHolidayRegion } from '../../integrations/holidays/config.js';
import { holidayCalendar } from '../../integrations/holidays/holiday-calendar.js';

export interface SupportSla {
  region: string;
  calendar: BusinessCalendar;
  disputePolicy: DisputeSlaPolicy;
  /** The dispute machine whose SLA timers run on `calendar`. */
  disputeMachine: ReturnType<typeof createDisputeMachine>;
}

export function supportSlaFor(region: string): SupportSla {
  const calendar = supportCalendar(holidayCalendar(region));
  const disputePolicy = disputeSlaPolicy(calendar);
  return { region, calendar, disputePolicy, disputeMachine: createDisputeMachine(disputePolicy) };
}

let current = supportSlaFor(defaultHolidayRegion);

/** Start-up: the region from the config (SLA_HOLIDAY_REGION). */
export function setSupportHolidayRegion(region: string): void {
  if (region !== current.region) current = supportSlaFor(region);
}

export function supportSla(): SupportSla {
  return current;
}
