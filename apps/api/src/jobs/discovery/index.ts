// Discovery and markdown jobs, registered together in ../registry.ts, and their schedules.
import { runMarkdownsJob } from '../markdowns/run-markdowns.js';
import { flushViewsJob } from './flush-views.js';
import { recordPurchaseJob } from './record-purchase.js';

export const discoveryJobs = [recordPurchaseJob, flushViewsJob, runMarkdownsJob];

/** Repeating jobs (cron with seconds, read in JOBS_TIME_ZONE): view flushes every 10 s, markdowns daily at 02:15. */
export const discoverySchedules = [
  { id: 'discovery-view-flush', job: 'discovery.flushViews', queue: 'discovery', pattern: '*/10 * * * * *' },
  { id: 'daily-markdowns', job: 'markdowns.run', queue: 'catalog', pattern: '15 2 * * *' },
] as const;
