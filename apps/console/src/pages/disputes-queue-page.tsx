// The `disputes` queue: the agent inbox. Live rows with SLA countdowns and at-risk / escalated
// badges, claims as every queue, and the dispute desk (case, conversation, order ledger, actions)
// in the drawer.
import { isQueueLead } from '@marketdesk/domain';
import { useRef } from 'react';
import { useMe } from '../features/auth/use-session';
import { DisputeDesk } from '../features/disputes/dispute-desk';
import { decisionBlocker } from '../features/queues/decision-blocker';
import type { QueueRow } from '../features/queues/queue-rows';
import { QueueView } from '../features/queues/queue-view';

export function DisputesQueuePage() {
  const me = useMe();
  const isLead = !!me.data && isQueueLead(me.data);
  const applyRef = useRef<((row: QueueRow) => void) | null>(null);
  return (
    <QueueView
      queue="disputes"
      title="Disputes"
      description="Buyers' and card networks' disputes, most urgent first by SLA. Claim one to work it; only the assignee acts unless a colleague takes it over."
      tableLabel="Disputes queue"
      decidable={false}
      applyRef={applyRef}
      subject={(row) => <DisputeDesk row={row} blocked={decisionBlocker(row, me.data?.id, isLead, Date.now())} onRow={(r) => applyRef.current?.(r)} />}
    />
  );
}
