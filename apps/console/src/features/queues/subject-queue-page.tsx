// A queue page for subjects decided through `queues.decide` (listing review, KYC, payouts): the
// generic live QueueView, the subject's own panel in the drawer with the decision buttons, and
// a / r on the selected row. Staff decide while the item is open (the domain's queueOpenStates, read
// through itemPhase).
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { isQueueLead, type QueueName } from '@marketdesk/domain';
import { type ReactNode, useRef } from 'react';
import { useMe } from '../auth/use-session';
import { decisionBlocker } from './decision-blocker';
import { ConflictAlert } from './decision-dialogs';
import { itemPhase, type QueueRow } from './queue-rows';
import { QueueView } from './queue-view';
import { useQueueDecisions, type QueueDecisionCopy, type QueueDecisionKind } from './use-queue-decisions';

export interface SubjectQueuePageProps {
  queue: QueueName;
  title: string;
  description: string;
  tableLabel: string;
  copy: QueueDecisionCopy;
  /** The queue has a "request information" step. */
  canAskInfo: boolean;
  Subject: (props: { row: QueueRow }) => ReactNode;
}

function DecisionButtons({ row, blocked, pending, canAskInfo, acceptLabel, onDecide }: { row: QueueRow; blocked: string | null; pending: boolean; canAskInfo: boolean; acceptLabel: string; onDecide: (kind: QueueDecisionKind) => void }) {
  return (
    <Stack gap="xs">
      {blocked && (
        <Text size="sm" c="dimmed">
          {blocked}
        </Text>
      )}
      <Group gap="xs" aria-label={`Decide on ${row.title}`}>
        <Button color="green" disabled={!!blocked || pending} onClick={() => onDecide('accept')}>
          {acceptLabel}
        </Button>
        <Button color="red" variant="light" disabled={!!blocked || pending} onClick={() => onDecide('reject')}>
          Reject
        </Button>
        {canAskInfo && (
          <Button variant="default" disabled={!!blocked || pending} onClick={() => onDecide('info')}>
            Request info
          </Button>
        )}
      </Group>
    </Stack>
  );
}

export function SubjectQueuePage(p: SubjectQueuePageProps) {
  const me = useMe();
  const meId = me.data?.id;
  const isLead = !!me.data && isQueueLead(me.data);
  const applyRef = useRef<((row: QueueRow) => void) | null>(null);
  const decisions = useQueueDecisions({ queue: p.queue, copy: p.copy, onRow: (row) => applyRef.current?.(row) });
  const Subject = p.Subject;
  return (
    <QueueView
      queue={p.queue}
      title={p.title}
      description={p.description}
      tableLabel={p.tableLabel}
      decidable
      applyRef={applyRef}
      onShortcutDecision={(kind, row) => {
        if (itemPhase(p.queue, row.state) !== 'open' || decisionBlocker(row, meId, isLead, Date.now())) return;
        decisions.start(kind, row);
      }}
      notice={(itemId) => (decisions.conflict && decisions.conflict.itemId === itemId ? <ConflictAlert conflict={decisions.conflict} onDismiss={decisions.clearConflict} /> : null)}
      subject={(row) => (
        <Stack>
          <Subject row={row} />
          {itemPhase(p.queue, row.state) === 'open' && (
            <DecisionButtons row={row} blocked={decisionBlocker(row, meId, isLead, Date.now())} pending={decisions.pending} canAskInfo={p.canAskInfo} acceptLabel={p.copy.acceptLabel} onDecide={(kind) => decisions.start(kind, row)} />
          )}
          {/* A decided item's outcome and who decided it show at the top of the drawer. */}
          {itemPhase(p.queue, row.state) === 'waiting' && (
            <Alert color="gray" variant="light">
              Nothing to decide until the {row.waitingOn === 'buyer' ? 'buyer' : 'seller'} answers.
            </Alert>
          )}
        </Stack>
      )}
    >
      {decisions.modals}
    </QueueView>
  );
}
