// The queue, submission, KYC and dispute jobs (timers, exports), registered together in ../registry.ts.
import { quoteExpiryJob } from '../submissions/quote-expiry.js';
import { claimExpiryJob } from './claim-expiry.js';
import { queueExportJob } from './export.js';
import { kycInfoDeadlineJob } from '../kyc/info-deadline.js';
import { disputeTimerJob } from '../disputes/dispute-timer.js';

export const queueJobs = [claimExpiryJob, quoteExpiryJob, queueExportJob, kycInfoDeadlineJob, disputeTimerJob];
