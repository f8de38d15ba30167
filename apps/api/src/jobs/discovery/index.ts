// Discovery and markdown jobs, registered together in ../registry.ts (their schedules: ../schedules.ts).
import { runMarkdownsJob } from '../markdowns/run-markdowns.js';
import { flushViewsJob } from './flush-views.js';
import { recordPurchaseJob } from './record-purchase.js';

export const discoveryJobs = [recordPurchaseJob, flushViewsJob, runMarkdownsJob];

