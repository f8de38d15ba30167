// Decisions for any queue decided through `queues.decide` (listings, KYC, payouts): Accept with a
// confirmation, Reject with the queue's reasons and a note, Request info where the queue has that
// step. Always on the row's version; a CONFLICT updates the row from the error and is explained
// next to it ("Sam rejected this 3 s ago…").
import { notifications } from '@mantine/notifications';
import type { QueueDecision, QueueName } from '@marketdesk/domain';
import { type ReactNode, useState } from 'react';
import { errorCode, trpc } from '../../trpc';
import { ConfirmDecisionModal, conflictRow, InfoModal, RejectWithReasonModal, type DecisionConflict } from './decision-dialogs';
import type { QueueRow } from './queue-rows';

export type QueueDecisionKind = 'accept' | 'reject' | 'info';

export interface QueueDecisionCopy {
  /** "Approve" */
  acceptLabel: string;
  /** What accepting does, for the confirmation. */
  acceptText: (row: QueueRow) => ReactNode;
  /** "Reject listing" */
  rejectHeading: string;
  /** "The seller of" — who reads the reason. */
  audience: string;
  /** Done messages. */
  done: Record<QueueDecisionKind, (title: string) => string>;
}

/** The decisions this hook sends; a counter-offer is the submissions page's own (submission-decisions.tsx). */
const doneKinds: Partial<Record<QueueDecision['decision'], QueueDecisionKind>> = { accept: 'accept', reject: 'reject', request_info: 'info' };

export function useQueueDecisions({ queue, copy, onRow }: { queue: QueueName; copy: QueueDecisionCopy; onRow: (row: QueueRow) => void }) {
  const [open, setOpen] = useState<{ kind: QueueDecisionKind; row: QueueRow } | null>(null);
  const [conflict, setConflict] = useState<DecisionConflict | null>(null);
  const reasons = trpc.queues.rejectReasons.useQuery({ queue }, { staleTime: Infinity });
  const utils = trpc.useUtils();
  const decide = trpc.queues.decide.useMutation({
    onSuccess: (result, input) => {
      const row = result.item;
      onRow(row);
      setConflict(null);
      setOpen(null);
      const kind = doneKinds[input.decision];
      if (kind) notifications.show({ color: kind === 'reject' ? 'gray' : 'green', title: 'Decision recorded', message: copy.done[kind](row.title) });
      void utils.queues.get.invalidate({ id: row.id });
    },
    onError: (error, input) => {
      if (errorCode(error) !== 'CONFLICT') return;
      const current = conflictRow(error);
      if (current) onRow(current);
      setConflict({ itemId: current?.id ?? input.id, message: error.message, current });
      setOpen(null);
      notifications.show({ color: 'yellow', title: 'Someone got there first', message: error.message, autoClose: 8_000 });
    },
  });
  const start = (kind: QueueDecisionKind, row: QueueRow) => {
    decide.reset();
    setOpen({ kind, row });
  };
  const close = () => setOpen(null);
  const base = (row: QueueRow) => ({ id: row.id, version: row.version });
  const modals = (
    <>
      <ConfirmDecisionModal opened={open?.kind === 'accept'} title={copy.acceptLabel} confirmLabel={copy.acceptLabel} loading={decide.isPending} error={decide.error} onClose={close} onConfirm={() => open && decide.mutate({ ...base(open.row), decision: 'accept' })}>
        {open?.kind === 'accept' && copy.acceptText(open.row)}
      </ConfirmDecisionModal>
      <RejectWithReasonModal
        opened={open?.kind === 'reject'}
        heading={copy.rejectHeading}
        audience={copy.audience}
        title={open?.row.title ?? ''}
        reasons={reasons.data ?? []}
        loading={decide.isPending}
        error={decide.error}
        onClose={close}
        onConfirm={(reason, note) => open && decide.mutate({ ...base(open.row), decision: 'reject', reason, note })}
      />
      <InfoModal opened={open?.kind === 'info'} loading={decide.isPending} error={decide.error} onClose={close} onConfirm={(message) => open && decide.mutate({ ...base(open.row), decision: 'request_info', message })} />
    </>
  );
  return { start, modals, conflict, clearConflict: () => setConflict(null), pending: decide.isPending };
}
