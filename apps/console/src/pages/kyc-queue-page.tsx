// The `kyc` queue: sellers' identity checks on the shared engine. Approve lets the seller publish
// and withdraw; Request info asks for more (the seller has 14 days); Reject gives a reason.
import { KycSubject } from '../features/kyc/kyc-subject';
import { SubjectQueuePage } from '../features/queues/subject-queue-page';

export function KycQueuePage() {
  return (
    <SubjectQueuePage
      queue="kyc"
      title="KYC review"
      description="Sellers' identity checks. Until a check is approved the seller cannot publish listings or withdraw money."
      tableLabel="KYC review queue"
      canAskInfo
      Subject={KycSubject}
      copy={{
        acceptLabel: 'Approve',
        acceptText: (row) => `Verify ${row.title}. The seller can publish listings and withdraw money from now on.`,
        rejectHeading: 'Reject verification',
        audience: 'The seller behind',
        done: {
          accept: (title) => `${title} is verified.`,
          reject: (title) => `The verification of ${title} was rejected; the seller sees your reason.`,
          info: (title) => `The seller behind ${title} was asked for more information.`,
        },
      }}
    />
  );
}
