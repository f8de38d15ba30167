// The `submissions` queue: the generic live queue view plus the submission itself in the drawer
// and its decisions (Accept, Reject, Counter-offer, Request info), also on a / r for the selected row.
import { useRef } from 'react';
import { trpc } from '../trpc';
import { useMe } from '../features/auth/use-session';
import { holderOf, type QueueRow } from '../features/queues/queue-rows';
import { QueueView } from '../features/queues/queue-view';
import { ConflictAlert, useSubmissionDecisions, type DecisionKind, type StaffSubmission } from '../features/submissions/submission-decisions';
import { SubmissionPanel } from '../features/submissions/submission-panel';
import { ErrorState, LoadingState } from '@marketdesk/ui';

/** Why this person cannot decide on the row right now, or null. */
export function decisionBlocker(row: QueueRow, meId: string | undefined, isLead: boolean, nowMs: number): string | null {
  const holder = holderOf(row, nowMs);
  if (holder && holder.id !== meId) return `${holder.name} has it.`;
  if (!holder && !isLead) return 'Claim it to decide.';
  return null;
}

function SubmissionSubject({ row, start, pending, meId, isLead }: { row: QueueRow; start: (kind: DecisionKind, row: QueueRow, submission: StaffSubmission) => void; pending: boolean; meId: string | undefined; isLead: boolean }) {
  const submission = trpc.submissions.get.useQuery({ id: row.subjectId });
  // The row's version moves with every change; the submission follows it.
  const version = row.version;
  const refetch = submission.refetch;
  const last = useRef(version);
  if (last.current !== version) {
    last.current = version;
    void refetch();
  }
  if (submission.isPending) return <LoadingState label="Loading the submission…" />;
  if (submission.isError) return <ErrorState title="Could not load the submission" error={submission.error} onRetry={() => void submission.refetch()} />;
  return <SubmissionPanel submission={submission.data} row={row} blocked={decisionBlocker(row, meId, isLead, Date.now())} pending={pending} onDecide={(kind) => start(kind, row, submission.data)} />;
}

export function SubmissionsQueuePage() {
  const me = useMe();
  const meId = me.data?.id;
  const isLead = !!me.data?.roles.includes('admin');
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
