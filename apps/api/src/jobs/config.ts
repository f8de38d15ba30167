// Job configuration, merged into apps/api/src/env.ts: the time zone of the repeatable jobs.
import { z } from 'zod';
import { isValidTimeZone } from '@marketdesk/domain';

export const jobsConfigSchema = z.object({
  /**
   * The IANA time zone every repeatable job's cron pattern is read in (`30 3 * * *` is 03:30 there,
   * daylight saving included). UTC by default: never the host's TZ, which would move the schedule
   * with the machine it runs on.
   */
  JOBS_TIME_ZONE: z
    .string()
    .refine((zone) => /^[A-Za-z][\w+-]*(\/[\w+-]+)*$/.test(zone) && isValidTimeZone(zone), 'expected an IANA time zone such as UTC or Europe/London')
    .default('UTC'),
});
