// Staff decisions on a submission, always on the queue row's version the reviewer is looking at:
// Accept (send our offer, or take the seller's counter), Reject (a reason from the list + a note),
// Counter-offer (a price per item) and Request info. A CONFLICT is shown as the server wrote it
// ("Sam Second rejected this 3 s ago. …") next to the row's current state, which the table takes
// at once from the error; other failures say what went wrong and leave the dialog open.
import { Alert, Badge, Button, Group, Modal, NumberInput, Select, Stack, Table, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatMoney } from '@marketdesk/ui';
import { type FormEvent, type ReactNode, useState } from 'react';
import { errorCode, trpc, type RouterOutputs } from '../../trpc';
import type { QueueRow } from '../queues/queue-rows';
import { stateStyle } from '../queues/queue-states';
import { formatLabels, parsePriceMinor } from './submission-format';

export type StaffSubmission = RouterOutputs['submissions']['get'];
export type DecisionKind = 'accept' | 'reject' | 'counter' | 'info';

export interface DecisionTarget {
  row: QueueRow;
  /** Needed for a counter-offer (its prices are per item). */
  submission?: StaffSubmission;
}

export interface DecisionConflict {
  itemId: string;
  message: string;
  current: QueueRow | null;
}

/** The row a CONFLICT carries as `details.current`, when it does. */
export function conflictRow(error: unknown): QueueRow | null {
  const details = (error as { data?: { details?: { current?: unknown } | null } } | null)?.data?.details;
  const current = details?.current as QueueRow | undefined;
  return current && typeof current === 'object' && typeof current.id === 'string' && typeof current.version === 'number' ? current : null;
}

export function ConflictAlert({ conflict, onDismiss }: { conflict: DecisionConflict; onDismiss: () => void }) {
  const state = conflict.current ? stateStyle(conflict.current.queue, conflict.current.state) : null;
  return (
    <Alert color="yellow" title="Someone got there first" withCloseButton onClose={onDismiss} closeButtonLabel="Dismiss">
      <Stack gap={6}>
        <Text size="sm">{conflict.message}</Text>
        {conflict.current && state && (
          <Group gap="xs">
            <Text size="sm">Now:</Text>
            <Badge variant="light" color={state.color}>
              {state.label}
            </Badge>
            {conflict.current.claimedByName && <Text size="sm">· {conflict.current.claimedByName} has it</Text>}
            <Text size="xs" c="dimmed">
              version {conflict.current.version}
            </Text>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}

function acceptText(row: QueueRow): string {
  return row.state === 'countered'
    ? `Take the seller's counter-offer of ${formatMoney({ amountMinor: row.valueMinor, currency: row.currency })}. The records become listings at once.`
    : `Send the seller our offer of ${formatMoney({ amountMinor: row.valueMinor, currency: row.currency })}. They can accept, decline or counter it before it expires.`;
}

function ModalError({ error }: { error: unknown }) {
  if (!error || errorCode(error) === 'CONFLICT') return null;
  return (
    <Text size="sm" c="red" role="alert">
      {(error as Error).message}
    </Text>
  );
}

export function useSubmissionDecisions({ onRow }: { onRow: (row: QueueRow) => void }) {
  const [open, setOpen] = useState<{ kind: DecisionKind; target: DecisionTarget } | null>(null);
  const [conflict, setConflict] = useState<DecisionConflict | null>(null);
  const reasons = trpc.submissions.rejectReasons.useQuery(undefined, { staleTime: Infinity });
  const utils = trpc.useUtils();
  const decide = trpc.submissions.decide.useMutation({
    onSuccess: (result, input) => {
      onRow(result.item);
      setConflict(null);
      setOpen(null);
      const title = result.item.title;
      const message =
        input.decision === 'accept'
          ? result.submission.state === 'accepted' ? `${title} is accepted; its listings are live.` : `Our offer on ${title} went to the seller.`
          : input.decision === 'reject' ? `${title} was rejected; the seller sees your reason.`
          : input.decision === 'counter' ? `Your counter-offer on ${title} went to the seller.`
          : `The seller of ${title} was asked for more information.`;
      notifications.show({ color: input.decision === 'reject' ? 'gray' : 'green', title: 'Decision recorded', message });
      void utils.submissions.get.invalidate({ id: input.submissionId });
      void utils.queues.get.invalidate({ id: result.item.id });
    },
    onError: (error, input) => {
      if (errorCode(error) !== 'CONFLICT') return;
      const current = conflictRow(error);
      if (current) onRow(current);
      const itemId = open?.target.row.id ?? current?.id ?? input.submissionId;
      setConflict({ itemId, message: error.message, current });
      setOpen(null);
      notifications.show({ color: 'yellow', title: 'Someone got there first', message: error.message, autoClose: 8_000 });
      void utils.submissions.get.invalidate({ id: input.submissionId });
    },
  });

  const start = (kind: DecisionKind, target: DecisionTarget) => {
    decide.reset();
    setOpen({ kind, target });
  };
  const close = () => setOpen(null);
  const base = (row: QueueRow) => ({ submissionId: row.subjectId, version: row.version });

  const modals = (
    <>
      <Modal opened={open?.kind === 'accept'} onClose={close} title="Accept">
        {open?.kind === 'accept' && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              decide.mutate({ ...base(open.target.row), decision: 'accept' });
            }}
          >
            <Stack>
              <Text size="sm">{acceptText(open.target.row)}</Text>
              <ModalError error={decide.error} />
              <Group justify="flex-end">
                <Button variant="default" onClick={close}>
                  Cancel
                </Button>
                <Button type="submit" color="green" loading={decide.isPending} data-autofocus>
                  Accept
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Modal>
      <RejectSubmissionModal
        opened={open?.kind === 'reject'}
        title={open?.target.row.title ?? ''}
        reasons={reasons.data ?? []}
        loading={decide.isPending}
        error={decide.error}
        onClose={close}
        onConfirm={(reason, note) => open && decide.mutate({ ...base(open.target.row), decision: 'reject', reason: reason as never, note })}
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

function FormModal({ opened, title, onClose, onSubmit, children }: { opened: boolean; title: string; onClose: () => void; onSubmit: (e: FormEvent) => void; children: ReactNode }) {
  return (
    <Modal opened={opened} onClose={onClose} title={title}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>{children}</Stack>
      </form>
    </Modal>
  );
}

function RejectSubmissionModal(props: { opened: boolean; title: string; reasons: { code: string; label: string }[]; loading: boolean; error: unknown; onClose: () => void; onConfirm: (reason: string, note: string) => void }) {
  const [reason, setReason] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const needsNote = reason === 'other' && !note.trim();
  return (
    <FormModal
      opened={props.opened}
      title="Reject submission"
      onClose={props.onClose}
      onSubmit={(e) => {
        e.preventDefault();
        if (!reason || needsNote) return setMissing(true);
        props.onConfirm(reason, note.trim());
      }}
    >
      <Text size="sm">
        The seller of <b>{props.title}</b> sees the reason and your note.
      </Text>
      <Select label="Reason" placeholder="Choose a reason" data={props.reasons.map((r) => ({ value: r.code, label: r.label }))} value={reason} onChange={(v) => { setReason(v); setMissing(false); }} error={missing && !reason ? 'Choose a reason' : undefined} required data-autofocus comboboxProps={{ withinPortal: false }} />
      <Textarea label="Note to the seller" placeholder="Optional, unless the reason is Other" value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={1000} autosize minRows={2} error={missing && needsNote ? 'Say why in a note' : undefined} />
      <ModalError error={props.error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={props.onClose}>
          Cancel
        </Button>
        <Button type="submit" color="red" loading={props.loading}>
          Reject
        </Button>
      </Group>
    </FormModal>
  );
}

function InfoModal(props: { opened: boolean; loading: boolean; error: unknown; onClose: () => void; onConfirm: (message: string) => void }) {
  const [message, setMessage] = useState('');
  const [tooShort, setTooShort] = useState(false);
  return (
    <FormModal
      opened={props.opened}
      title="Request info"
      onClose={props.onClose}
      onSubmit={(e) => {
        e.preventDefault();
        if (message.trim().length < 3) return setTooShort(true);
        props.onConfirm(message.trim());
        setMessage('');
      }}
    >
      <Textarea label="What do you need to know?" placeholder="e.g. Please add a photo of the label on side B" value={message} onChange={(e) => { setMessage(e.currentTarget.value); setTooShort(false); }} maxLength={2000} autosize minRows={3} required data-autofocus error={tooShort ? 'Say what you need to know' : undefined} />
      <ModalError error={props.error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={props.onClose}>
          Cancel
        </Button>
        <Button type="submit" loading={props.loading}>
          Send request
        </Button>
      </Group>
    </FormModal>
  );
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
