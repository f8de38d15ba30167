// Where each work queue lives in the console and what it is called there: the navigation and the
// dashboard's queue overview link to the same pages under the same names.
import type { QueueName } from '@marketdesk/domain';

export const queuePages: Record<QueueName, { path: string; label: string }> = {
  submissions: { path: '/queues/submissions', label: 'Submissions' },
  disputes: { path: '/queues/disputes', label: 'Disputes' },
  fraud: { path: '/queues/order-review', label: 'Order review' },
  listings: { path: '/review/listings', label: 'Listing review' },
  kyc: { path: '/review/kyc', label: 'KYC review' },
  payouts: { path: '/review/payouts', label: 'Payout queue' },
};

/** The order queues appear in, in the navigation and on the dashboard. */
export const queuePageOrder: readonly QueueName[] = ['submissions', 'disputes', 'fraud', 'listings', 'kyc', 'payouts'];
