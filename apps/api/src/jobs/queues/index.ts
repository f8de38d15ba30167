// The queue, submission and KYC jobs (timers, exports), registered together in ../registry.ts.
import { quoteExpiryJob } from '../submissions/quote-expiry.js';
import { claimExpiryJob } from './claim-expiry.js';
import { queueExportJob } from './export.js';
import { kycInfoDeadlineJob } from '../kyc/info-deadline.js';

export const queueJobs = [claimExpiryJob, quoteExpiryJob, queueExportJob, kycInfoDeadlineJob];
