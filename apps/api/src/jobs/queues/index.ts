// The queue and submission timers, registered together in ../registry.ts.
import { quoteExpiryJob } from '../submissions/quote-expiry.js';
import { claimExpiryJob } from './claim-expiry.js';

export const queueJobs = [claimExpiryJob, quoteExpiryJob];
