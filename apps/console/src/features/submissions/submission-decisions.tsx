// Staff decisions on a submission through queues.decide (the one decision path), always on the
// queue row's version the reviewer is looking at: Accept (send our offer, or take the seller's
// counter), Reject (a reason from the queue's list + a note), Counter-offer (a price per item) and
// Request info. A CONFLICT is shown as the server wrote it
// ("Sam Second rejected this 3 s ago. …") next to the row's current state, which the table takes
// at once from the error; other failures say what went wrong and leave the dialog open.
import { Button, Group, NumberInput, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatMoney } from '@marketdesk/ui';
import { useState } from 'react';
import { errorCode, trpc, type RouterOutputs } from '../../trpc';
import { ConfirmDecisionModal, conflictRow, FormModal, InfoModal, ModalError, RejectWithReasonModal, type DecisionConflict } from '../queues/decision-dialogs';
import type { QueueRow } from '../queues/queue-rows';
import { formatLabels, parsePriceMinor } from './submission-format';

export type StaffSubmission = RouterOutputs['submissions']['get'];
export type DecisionKind = 'accept' | 'reject' | 'counter' | 'info';

export interface DecisionTarget {
  row: QueueRow;
  /** Needed for a counter-offer (its prices are per item). */
  submission?: StaffSubmission;
}

function acceptText(row: QueueRow): string {
  return row.state === 'countered'
    ? `Take the seller's counter-offer of ${formatMoney({ amountMinor: row.valueMinor, currency: row.currency })}. The house shop buys the records at once and pays the seller.`
    : `Send the seller our offer of ${formatMoney({ amountMinor: row.valueMinor, currency: row.currency })}. They can accept, decline or counter it before it expires.`;
}

export function useSubmissionDecisions({ onRow }: { onRow: (row: QueueRow) => void }) {
  const [open, setOpen] = useState<{ kind: DecisionKind; target: DecisionTarget } | null>(null);
  const [conflict, setConflict] = useState<DecisionConflict | null>(null);
  const reasons = trpc.queues.rejectReasons.useQuery({ queue: 'submissions' }, { staleTime: Infinity });
  const utils = trpc.useUtils();
  const decide = trpc.queues.decide.useMutation({
    onSuccess: (result, input) => {
      onRow(result.item);
      setConflict(null);
      setOpen(null);
      const title = result.item.title;
      const bought = result.queue === 'submissions' && result.submission.state === 'accepted';
      const message =
        input.decision === 'accept'
          ? bought ? `${title} is bought: the seller is paid and the records are on sale in the house shop.` : `Our offer on ${title} went to the seller.`
          : input.decision === 'reject' ? `${title} was rejected; the seller sees your reason.`
          : input.decision === 'counter' ? `Your counter-offer on ${title} went to the seller.`
          : `The seller of ${title} was asked for more information.`;
      notifications.show({ color: input.decision === 'reject' ? 'gray' : 'green', title: 'Decision recorded', message });
      void utils.submissions.get.invalidate({ id: result.item.subjectId });
      void utils.queues.get.invalidate({ id: result.item.id });
    },
    onError: (error, input) => {
      if (errorCode(error) !== 'CONFLICT') return;
      const current = conflictRow(error);
      if (current) onRow(current);
      setConflict({ itemId: current?.id ?? input.id, message: error.message, current });
      setOpen(null);
      notifications.show({ color: 'yellow', title: 'Someone got there first', message: error.message, autoClose: 8_000 });
      const subjectId = current?.subjectId ?? open?.target.row.subjectId;
      if (subjectId) void utils.submissions.get.invalidate({ id: subjectId });
    },
  });

  const start = (kind: DecisionKind, target: DecisionTarget) => {
    decide.reset();
    setOpen({ kind, target });
  };
  const close = () => setOpen(null);
  const base = (row: QueueRow) => ({ id: row.id, version: row.version });

  const modals = (
    <>
      <ConfirmDecisionModal opened={open?.kind === 'accept'} title="Accept" confirmLabel="Accept" loading={decide.isPending} error={decide.error} onClose={close} onConfirm={() => open && decide.mutate({ ...base(open.target.row), decision: 'accept' })}>
        {open?.kind === 'accept' && acceptText(open.target.row)}
      </ConfirmDecisionModal>
      <RejectWithReasonModal
        opened={open?.kind === 'reject'}
        heading="Reject submission"
        audience="The seller of"
        title={open?.target.row.title ?? ''}
        reasons={reasons.data ?? []}
        loading={decide.isPending}
        error={decide.error}
        onClose={close}
        onConfirm={(reason, note) => open && decide.mutate({ ...base(open.target.row), decision: 'reject', reason, note })}
      />
      <InfoModal
        opened={open?.kind === 'info'}
        loading={decide.isPending}
        error={decide.error}
        onClose={close}
        onConfirm={(message) => open && decide.mutate({ ...base(open.target.row), decision: 'request_info', message })}
      />
      {open?.kind === 'counter' && open.target.submission && (
        <CounterModal
          submission={open.target.submission}
          loading={decide.isPending}
          error={decide.error}
          onClose={close}
          onConfirm={(items) => decide.mutate({ ...base(open.target.row), decision: 'counter', items })}
        />
      )}
    </>
  );
  return { start, modals, conflict, clearConflict: () => setConflict(null), pending: decide.isPending };
}

function CounterModal({ submission, loading, error, onClose, onConfirm }: { submission: StaffSubmission; loading: boolean; error: unknown; onClose: () => void; onConfirm: (items: { itemId: string; offerMinor: number }[]) => void }) {
  const items = submission.items;
  const [prices, setPrices] = useState<Record<string, string | number>>(() => Object.fromEntries(items.map((i) => [i.id, (i.counterMinor ?? i.offerMinor) / 100])));
  const [invalid, setInvalid] = useState<string | null>(null);
  const money = (amountMinor: number) => formatMoney({ amountMinor, currency: submission.currency });
  const total = items.reduce((sum, i) => sum + (parsePriceMinor(prices[i.id] ?? '') ?? 0), 0);
  return (
    <FormModal
      opened
      title="Counter-offer"
      onClose={onClose}
      onSubmit={(e) => {
        e.preventDefault();
        const out: { itemId: string; offerMinor: number }[] = [];
        for (const i of items) {
          const minor = parsePriceMinor(prices[i.id] ?? '');
          if (minor === null) return setInvalid(i.id);
          out.push({ itemId: i.id, offerMinor: minor });
        }
        onConfirm(out);
      }}
    >
      <Text size="sm">Set what we pay per item. A price of 0 leaves the item out of the offer.</Text>
      <Table.ScrollContainer minWidth={420}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Item</Table.Th>
              <Table.Th ta="right">Asked</Table.Th>
              <Table.Th>Our price (€)</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((i, n) => (
              <Table.Tr key={i.id}>
                <Table.Td>
                  <Text size="sm">
                    {i.artist} – {i.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {formatLabels[i.format] ?? i.format} · {i.grade}
                    {i.counterMinor !== null ? ` · seller asks ${money(i.counterMinor)}` : ''}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{money(i.askingMinor)}</Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={`Our price for item ${n + 1}`}
                    value={prices[i.id]}
                    onChange={(v) => {
                      setPrices((p) => ({ ...p, [i.id]: v }));
                      setInvalid(null);
                    }}
                    min={0}
                    decimalScale={2}
                    hideControls
                    w={110}
                    error={invalid === i.id ? 'Enter a price' : undefined}
                    data-autofocus={n === 0 || undefined}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="sm" fw={600}>
        New offer: {money(total)}
      </Text>
      <ModalError error={error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" loading={loading}>
          Send counter-offer
        </Button>
      </Group>
    </FormModal>
  );
}
