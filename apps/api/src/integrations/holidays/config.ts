// Holiday configuration, merged into apps/api/src/env.ts: whose bank holidays stop the SLA clocks.
import { z } from 'zod';
import { isKnownHolidayRegion } from './holiday-calendar.js';

/** England (and Wales, which shares its bank holidays): the support desk is in London. */
export const defaultHolidayRegion = 'GB-ENG';

export const holidayConfigSchema = z.object({
  /** date-holidays country code, optionally with a subdivision (GB-ENG, GB-SCT, DE-BE): its public and bank holidays stop the SLA clocks. */
  SLA_HOLIDAY_REGION: z
    .string()
    .regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, 'expected a country code, optionally with a subdivision, e.g. GB-ENG')
    .refine(isKnownHolidayRegion, 'date-holidays does not know this region')
    .default(defaultHolidayRegion),
});
