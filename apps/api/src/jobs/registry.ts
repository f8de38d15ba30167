// Every job's handler, by the job's name in job-types.ts.
import type { AnyJobDefinition } from './job-definition.js';
import { welcomeEmailJob } from './mail/welcome-email.js';
import { processWebhookJob } from './payments/process-webhook.js';
import { sendRefundJob } from './payments/send-refund.js';
import { expireCheckoutJob } from './checkout/expire-checkout.js';
import { dealExpiryJob } from './catalog/deal-expiry.js';
import { makeThumbnailJob } from './media/make-thumbnail.js';
import { orderTimerJob } from './orders/order-timer.js';
import { sendPayoutJob } from './payouts/send-payout.js';
import { deliverNotificationsJob } from './notifications/deliver-notifications.js';
import { reconcileJob } from './ledger/reconcile.js';
import { queueJobs } from './queues/index.js';
import { discoveryJobs } from './discovery/index.js';

export const jobDefinitions: readonly AnyJobDefinition[] = [welcomeEmailJob, processWebhookJob, sendRefundJob, expireCheckoutJob, dealExpiryJob, makeThumbnailJob, orderTimerJob, sendPayoutJob, deliverNotificationsJob, reconcileJob, ...queueJobs, ...discoveryJobs];

/** The handler of a job (each job in job-types.ts has exactly one: registry.test.ts). */
export function findJob(id: string): AnyJobDefinition | undefined {
  return jobDefinitions.find((j) => j.id === id);
}
