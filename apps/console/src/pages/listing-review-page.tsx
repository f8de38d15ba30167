// The `listings` review queue on the shared engine: live rows, claims, filters, presets, bulk
// approve/reject, the listing in the drawer, a / r on the selected row.
import { formatMoney } from '@marketdesk/ui';
import { ListingSubject } from '../features/review/listing-subject';
import { SubjectQueuePage } from '../features/queues/subject-queue-page';

export function ListingReviewPage() {
  return (
    <SubjectQueuePage
      queue="listings"
      title="Listing review"
      description="New and edited listings wait here before buyers see them. Claim one to review it; everyone sees who has what, live."
      tableLabel="Listing review queue"
      canAskInfo={false}
      Subject={ListingSubject}
      copy={{
        acceptLabel: 'Approve',
        acceptText: (row) => `Publish ${row.title} at ${formatMoney({ amountMinor: row.valueMinor, currency: row.currency })} stock value. Buyers see it at once.`,
        rejectHeading: 'Reject listing',
        audience: 'The seller of',
        done: {
          accept: (title) => `${title} is now live.`,
          reject: (title) => `${title} went back to its seller with your reason.`,
          info: (title) => `The seller of ${title} was asked for more information.`,
        },
      }}
    />
  );
}
