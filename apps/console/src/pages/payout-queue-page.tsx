// The `payouts` queue: sellers' withdrawal requests on the shared engine. Approve sends the money
// (a job pays it out through the payment provider); Reject returns it to the seller's balance.
import { formatMoney } from '@marketdesk/ui';
import { PayoutSubject } from '../features/payouts/payout-subject';
import { SubjectQueuePage } from '../features/queues/subject-queue-page';

export function PayoutQueuePage() {
  return (
    <SubjectQueuePage
      queue="payouts"
      title="Payout queue"
      description="Sellers' withdrawal requests, oldest first. Approved payouts are sent to the seller's bank at once."
      tableLabel="Payout queue"
      canAskInfo={false}
      Subject={PayoutSubject}
      copy={{
        acceptLabel: 'Approve',
        acceptText: (row) => `Send ${formatMoney({ amountMinor: row.valueMinor, currency: row.currency })} to ${row.sellerName ?? 'the seller'}. The money leaves escrow for their bank.`,
        rejectHeading: 'Reject payout',
        audience: 'The seller of the payout',
        done: {
          accept: (title) => `Payout ${title} approved; it is on its way.`,
          reject: (title) => `Payout ${title} rejected; the money is back in the seller's balance.`,
          info: (title) => `The seller of ${title} was asked for more information.`,
        },
      }}
    />
  );
}
