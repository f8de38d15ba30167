// The agent's split view of one dispute, inside the queue drawer: the case and its record, the SLA
// clock and every automatic effect a deadline will trigger (money first), the order's ledger, the
// conversation with the parties, and the actions — ask a party, start the review, escalate, and
// resolve (full refund, no refund, or a split of any amount). Every action carries the row's
// version; a CONFLICT updates the row and says who moved first.
import { Alert, Badge, Button, Group, Modal, NumberInput, Paper, SegmentedControl, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ErrorState, formatDateTime, formatMoney, formatRelativeTime, LoadingState } from '@marketdesk/ui';
import { type ReactNode, useState } from 'react';
import { errorCode, trpc, type RouterOutputs } from '../../trpc';
import { OrderThreadPanel } from '../chat/order-thread-panel';
import { conflictRow } from '../queues/decision-dialogs';
import type { QueueRow } from '../queues/queue-rows';
import { useFollowRow } from '../queues/use-follow-row';

type StaffDispute = RouterOutputs['disputes']['get'];

const slaColor = { ok: 'gray', at_risk: 'orange', breached: 'red' } as const;

function SlaLine({ d, nowMs }: { d: StaffDispute; nowMs: number }) {
  if (!d.live || !d.sla.dueAt) return null;
  const due = new Date(d.sla.dueAt).getTime();
  const status = d.sla.status as keyof typeof slaColor;
  return (
    <Group gap="xs" aria-label="SLA">
      <Badge color={slaColor[status] ?? 'gray'} variant={status === 'ok' ? 'light' : 'filled'} tt="none">
        {status === 'breached' ? 'SLA breached' : status === 'at_risk' ? 'SLA at risk' : 'Within SLA'}
      </Badge>
      <Text size="sm">
        {String(d.sla.kind ?? '').replace(/_/g, ' ')} due {formatRelativeTime(due, new Date(nowMs))} ({formatDateTime(due)})
      </Text>
      {d.escalated && (
        <Badge color="red" variant="light" tt="none">
          Escalated
        </Badge>
      )}
    </Group>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={6}>
      <Text size="sm" fw={600}>
        {title}
      </Text>
      {children}
    </Stack>
  );
}

function ResolveModal({ d, opened, loading, error, onClose, onResolve }: { d: StaffDispute; opened: boolean; loading: boolean; error: string | null; onClose: () => void; onResolve: (outcome: 'buyer' | 'seller' | 'split', buyerShareMinor: number | null, note: string) => void }) {
  const [outcome, setOutcome] = useState<'buyer' | 'seller' | 'split'>('split');
  const [amount, setAmount] = useState<string | number>('');
  const [note, setNote] = useState('');
  const money = (m: number) => formatMoney({ amountMinor: m, currency: d.currency });
  const shareMinor = outcome === 'buyer' ? d.amountMinor : outcome === 'seller' ? 0 : Math.round(Number(amount || 0) * 100);
  const invalid = outcome === 'split' && (!(shareMinor > 0) || shareMinor >= d.amountMinor);
  return (
    <Modal opened={opened} onClose={onClose} title="Resolve dispute">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!invalid) onResolve(outcome, outcome === 'split' ? shareMinor : null, note.trim());
        }}
      >
        <Stack>
          <SegmentedControl value={outcome} onChange={(v) => setOutcome(v as never)} data={[{ value: 'buyer', label: 'For the buyer' }, { value: 'split', label: 'Split' }, { value: 'seller', label: 'For the seller' }]} />
          {outcome === 'split' && (
            <NumberInput label={`Refund to the buyer (€, less than ${money(d.amountMinor)})`} value={amount} onChange={setAmount} min={0.01} decimalScale={2} hideControls data-autofocus error={amount !== '' && invalid ? 'A split refunds part of the amount' : undefined} />
          )}
          <Text size="sm">
            The buyer gets <b>{money(shareMinor)}</b> back on their card; the seller keeps <b>{money(d.amountMinor - shareMinor)}</b> (before the platform fee).
            {d.order && d.order.heldMinor === 0 && shareMinor > 0 ? ' The escrow was already released: the refund is taken back from the seller’s balance.' : ''}
          </Text>
          <Textarea label="Note to both parties (optional)" value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={2000} autosize minRows={2} />
          {error && (
            <Text size="sm" c="red" role="alert">
              {error}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color="green" loading={loading} disabled={invalid}>
              Resolve and refund {money(shareMinor)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function DisputeDesk({ row, blocked, onRow }: { row: QueueRow; blocked: string | null; onRow: (row: QueueRow) => void }) {
  const dispute = trpc.disputes.get.useQuery({ id: row.subjectId });
  useFollowRow(row, dispute.refetch);
  const [resolving, setResolving] = useState(false);
  const utils = trpc.useUtils();
  const onDone = (title: string) => () => {
    notifications.show({ color: 'green', title, message: row.title });
    void dispute.refetch();
    void utils.queues.get.invalidate({ id: row.id });
  };
  const onError = (error: { message: string }) => {
    const current = conflictRow(error);
    if (current) onRow(current);
    notifications.show({ color: errorCode(error) === 'CONFLICT' ? 'yellow' : 'red', title: errorCode(error) === 'CONFLICT' ? 'Someone got there first' : 'Could not do that', message: error.message });
    void dispute.refetch();
  };
  const act = trpc.disputes.act.useMutation({ onSuccess: onDone('Done'), onError });
  const resolve = trpc.disputes.resolve.useMutation({
    onSuccess: () => {
      setResolving(false);
      onDone('Dispute resolved')();
    },
    onError: (error) => {
      if (errorCode(error) === 'CONFLICT') setResolving(false);
      onError(error);
    },
  });
  if (dispute.isPending) return <LoadingState label="Loading the dispute…" />;
  if (dispute.isError) return <ErrorState title="Could not load the dispute" error={dispute.error} onRetry={() => void dispute.refetch()} />;
  const d = dispute.data;
  const money = (m: number) => formatMoney({ amountMinor: m, currency: d.currency });
  const target = { id: row.id, version: row.version };
  const busy = act.isPending || resolve.isPending;
  // What this agent may do now is the dispute's `actions` (the machine under their grants); an open
  // dispute is resolved through its review, which the API starts first.
  const offered = (command: StaffDispute['actions'][number]['command']) => d.actions.find((a) => a.command === command);
  const askSeller = offered('ask_seller');
  const askBuyer = offered('ask_buyer');
  const startReview = offered('start_review');
  const escalate = offered('escalate');
  const canResolve = !!(offered('resolve_for_buyer') || offered('resolve_for_seller') || offered('resolve_split') || startReview);
  const waiting = d.state === 'awaiting_seller' || d.state === 'awaiting_buyer';
  return (
    <Stack gap="md" aria-label="Dispute under review">
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={3} size="h5">
            {d.reasonLabel} · order {d.orderNumber}
          </Title>
          <Text size="xs" c="dimmed">
            {d.buyer.name} (buyer) vs {d.seller.name} (seller) · {money(d.amountMinor)} at stake · {d.source === 'chargeback' ? 'card chargeback' : 'opened by the buyer'}
          </Text>
        </Stack>
        <Badge variant="light" tt="none">
          {d.stateLabel}
        </Badge>
      </Group>
      <SlaLine d={d} nowMs={Date.now()} />
      {/* A decided dispute has nothing left to happen by itself (the API lists none): its outcome shows instead. */}
      {d.automaticEffects.length > 0 && (
        <Section title="What happens by itself">
          <Stack gap={2} aria-label="Automatic effects">
            {d.automaticEffects.map((e, i) => (
              <Text key={i} size="sm" c={e.moneyMinor > 0 ? 'orange' : undefined}>
                {e.atMs ? `${formatDateTime(e.atMs)} — ` : ''}
                {e.what}
              </Text>
            ))}
          </Stack>
        </Section>
      )}
      {d.live ? (
        <Stack gap="xs">
          {blocked && (
            <Text size="sm" c="dimmed">
              {blocked}
            </Text>
          )}
          <Group gap="xs">
            {askSeller && (
              <Button size="xs" variant="default" disabled={!!blocked || busy} onClick={() => act.mutate({ ...target, action: 'ask_seller' })}>
                {askSeller.label}
              </Button>
            )}
            {askBuyer && (
              <Button size="xs" variant="default" disabled={!!blocked || busy} onClick={() => act.mutate({ ...target, action: 'ask_buyer' })}>
                {askBuyer.label}
              </Button>
            )}
            {startReview && (
              <Button size="xs" variant="default" disabled={!!blocked || busy} onClick={() => act.mutate({ ...target, action: 'start_review' })}>
                {startReview.label}
              </Button>
            )}
            {/* Escalating twice is refused by the machine's guard: the dispute says whether it already is. */}
            {escalate && !d.escalated && (
              <Button size="xs" variant="default" color="red" disabled={!!blocked || busy} onClick={() => act.mutate({ ...target, action: 'escalate', reason: 'Needs a lead' })}>
                {escalate.label}
              </Button>
            )}
            <Button size="xs" color="green" disabled={!!blocked || busy || !canResolve} onClick={() => setResolving(true)}>
              Resolve…
            </Button>
          </Group>
          {waiting && <Text size="xs" c="dimmed">Waiting for the {d.state === 'awaiting_seller' ? 'seller' : 'buyer'} until {d.sla.dueAt ? formatDateTime(d.sla.dueAt) : 'their deadline'}.</Text>}
        </Stack>
      ) : (
        <Alert color="gray" variant="light" aria-label="Settlement">
          Settled{d.buyerShareMinor !== null ? `: ${money(d.buyerShareMinor)} refunded to the buyer` : ''}
          {d.resolutionNote ? ` — “${d.resolutionNote}”` : '.'}
        </Alert>
      )}
      <Section title="Conversation with the buyer and the seller">
        <OrderThreadPanel orderId={d.orderId} height={320} />
      </Section>
      <Section title="Record">
        <Stack gap={6} aria-label="Dispute record">
          {d.evidence.map((e) => (
            <Paper key={e.id} withBorder p="xs" radius="sm">
              <Text size="xs" c="dimmed">
                {e.party} · {e.author} · {formatDateTime(e.createdAt)}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {e.body}
              </Text>
              {e.files.map((f, n) => (
                <a key={f.url} href={f.url} target="_blank" rel="noopener noreferrer">
                  <Text size="xs" span mr="xs">
                    {f.contentType === 'application/pdf' ? `PDF ${n + 1}` : `Photo ${n + 1}`}
                  </Text>
                </a>
              ))}
            </Paper>
          ))}
        </Stack>
      </Section>
      <Section title="The order’s money">
        {d.order && (
          <Text size="xs" c="dimmed">
            Order {d.order.state.replace(/_/g, ' ')} · total {money(d.order.totalMinor)} · refunded {money(d.order.refundedMinor)} · in escrow {money(d.order.heldMinor)}
          </Text>
        )}
        <Table aria-label="Order ledger" verticalSpacing={2} fz="xs">
          <Table.Tbody>
            {d.ledger.map((t) => (
              <Table.Tr key={t.id}>
                <Table.Td>{formatDateTime(t.at)}</Table.Td>
                <Table.Td>{t.code.replace(/_/g, ' ')}</Table.Td>
                <Table.Td ta="right">{money(t.amountMinor)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Section>
      <ResolveModal d={d} opened={resolving} loading={resolve.isPending} error={resolve.error && errorCode(resolve.error) !== 'CONFLICT' ? resolve.error.message : null} onClose={() => setResolving(false)} onResolve={(outcome, share, note) => resolve.mutate(outcome === 'split' ? { ...target, outcome, buyerShareMinor: share!, note } : { ...target, outcome, note })} />
    </Stack>
  );
}
