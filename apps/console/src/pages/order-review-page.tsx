// The order review queue (`fraud`): checkouts the risk checks held — paid and in escrow, not yet
// shown to the seller. Approve sends them on; Reject cancels and refunds. The rules sit below.
import { Stack, Title } from '@mantine/core';
import { isQueueLead } from '@marketdesk/domain';
import { useMe } from '../features/auth/use-session';
import { SubjectQueuePage } from '../features/queues/subject-queue-page';
import { OrderReviewSubject } from '../features/risk/order-review-subject';
import { RiskRulesForm } from '../features/risk/risk-rules-form';

export function OrderReviewPage() {
  const me = useMe();
  return (
    <Stack gap="xl">
      <SubjectQueuePage
        queue="fraud"
        title="Order review"
        description="Paid orders the risk checks held before the seller sees them. Approve to send them on; reject to cancel and refund in full."
        tableLabel="Order review queue"
        canAskInfo={false}
        Subject={OrderReviewSubject}
        copy={{
          acceptLabel: 'Approve',
          acceptText: (row) => `Release ${row.title.split(' · ')[0]} to the seller: they are told about the order and can ship it.`,
          rejectHeading: 'Reject order',
          audience: 'The buyer of',
          done: {
            accept: (title) => `${title.split(' · ')[0]} approved; the seller has it now.`,
            reject: (title) => `${title.split(' · ')[0]} rejected, cancelled and refunded.`,
            info: (title) => `${title} updated.`,
          },
        }}
      />
      <Stack gap="sm">
        <Title order={2} size="h4">
          Risk rules
        </Title>
        <RiskRulesForm canEdit={!!me.data && isQueueLead(me.data)} />
      </Stack>
    </Stack>
  );
}
