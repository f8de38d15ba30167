// The `submissions` queue: the generic live queue view plus the submission itself in the drawer
// and its decisions (Accept, Reject, Counter-offer, Request info), also on a / r for the selected row.
import { isQueueLead } from '@marketdesk/domain';
import { useRef } from 'react';
import { trpc } from '../trpc';
import { useMe } from '../features/auth/use-session';
import type { QueueRow } from '../features/queues/queue-rows';
import { QueueView } from '../features/queues/queue-view';
import { ConflictAlert } from '../features/queues/decision-dialogs';
import { decisionBlocker } from '../features/queues/decision-blocker';
import { useFollowRow } from '../features/queues/use-follow-row';
import { useSubmissionDecisions, type DecisionKind, type StaffSubmission } from '../features/submissions/submission-decisions';
import { SubmissionPanel } from '../features/submissions/submission-panel';
import { ErrorState, LoadingState } from '@marketdesk/ui';

function SubmissionSubject({ row, start, pending, meId, isLead }: { row: QueueRow; start: (kind: DecisionKind, row: QueueRow, submission: StaffSubmission) => void; pending: boolean; meId: string | undefined; isLead: boolean }) {
  const submission = trpc.submissions.get.useQuery({ id: row.subjectId });
  useFollowRow(row, submission.refetch);
  if (submission.isPending) return <LoadingState label="Loading the submission…" />;
  if (submission.isError) return <ErrorState title="Could not load the submission" error={submission.error} onRetry={() => void submission.refetch()} />;
  return <SubmissionPanel submission={submission.data} row={row} blocked={decisionBlocker(row, meId, isLead, Date.now())} pending={pending} onDecide={(kind) => start(kind, row, submission.data)} />;
}

export function SubmissionsQueuePage() {
  const me = useMe();
  const meId = me.data?.id;
  const isLead = !!me.data && isQueueLead(me.data);
  const applyRef = useRef<((row: QueueRow) => void) | null>(null);
  const decisions = useSubmissionDecisions({ onRow: (row) => applyRef.current?.(row) });
  return (
    <QueueView
      queue="submissions"
      title="Submissions"
      description="Records sellers want us to buy. Claim one to work on it; everyone sees who has what, live."
      tableLabel="Submissions queue"
      decidable
      applyRef={applyRef}
      onShortcutDecision={(kind, row) => {
        const blocked = decisionBlocker(row, meId, isLead, Date.now());
        if (blocked) return;
        decisions.start(kind, { row });
      }}
      notice={(itemId) => (decisions.conflict && decisions.conflict.itemId === itemId ? <ConflictAlert conflict={decisions.conflict} onDismiss={decisions.clearConflict} /> : null)}
      subject={(row) => <SubmissionSubject row={row} meId={meId} isLead={isLead} pending={decisions.pending} start={(kind, r, submission) => decisions.start(kind, { row: r, submission })} />}
    >
      {decisions.modals}
    </QueueView>
  );
}
