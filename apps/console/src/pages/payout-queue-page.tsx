// Admin payout approval. The queue is live through `queue:payouts`: new requests slide in, and
// decisions by other admins (or the provider settling a payout) move rows between tabs. Decisions
// carry the version the admin saw: if another admin decided first, the API says so (CONFLICT) and
// the list reloads. Four eyes: the API refuses approving your own request, and says why.
import { Tabs } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatMoney, EmptyState, ErrorState, LoadingState, PageHeader } from '@marketdesk/ui';
import { useRoom } from '@marketdesk/ui/app';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMe } from '../features/auth/use-session';
import { useArrivals } from '../features/live/use-fresh-ids';
import { useLiveRefetch } from '../features/live/use-live-refetch';
import { useNow } from '../features/live/use-now';
import { PayoutQueueTable, type QueuedPayout } from '../features/payouts/payout-queue-table';
import { PayoutRejectModal } from '../features/payouts/payout-reject-modal';
import { payoutQueueTabs } from '../features/payouts/payout-status';
import { errorCode, trpc } from '../trpc';

const describe = (p: QueuedPayout) => `${formatMoney({ amountMinor: p.amountMinor, currency: p.currency })} to ${p.seller.name}`;

export function PayoutQueuePage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const tab = payoutQueueTabs.find((t) => t.value === params.get('status')) ?? payoutQueueTabs[0]!;
  const list = trpc.payouts.queue.useQuery({ states: tab.states });
  const room = useRoom('queue:payouts');
  useLiveRefetch((event) => event.name.startsWith('payout.'), list.refetch);
  const fresh = useArrivals(list.data?.map((p) => p.id));
  const now = useNow();
  const [rejecting, setRejecting] = useState<QueuedPayout | null>(null);

  const decide = trpc.payouts.decide.useMutation({
    onSuccess: (payout, input) => {
      notifications.show(
        input.decision === 'approve'
          ? { color: 'green', title: 'Approved', message: `${formatMoney({ amountMinor: payout.amountMinor, currency: payout.currency })} to ${payout.seller.name} is on its way.` }
          : { color: 'gray', title: 'Rejected', message: `${payout.seller.name} gets the amount back with your reason.` },
      );
      setRejecting(null);
      void list.refetch();
    },
    onError: (error) => {
      const conflict = errorCode(error) === 'CONFLICT';
      notifications.show({ color: conflict ? 'yellow' : 'red', title: conflict ? 'Already decided' : 'Could not record the decision', message: error.message, autoClose: conflict ? 6_000 : 10_000 });
      setRejecting(null);
      void list.refetch();
    },
  });
  const busy = decide.isPending && decide.variables ? { id: decide.variables.id, decision: decide.variables.decision } : null;

  let body;
  if (list.isPending) body = <LoadingState label="Loading payouts…" />;
  else if (list.isError) body = <ErrorState title="Could not load the payout queue" error={list.error} onRetry={() => void list.refetch()} />;
  else if (list.data.length === 0)
    body =
      tab.value === 'requested' ? (
        <EmptyState title="No payout requests" description="Requests appear here live as sellers make them." />
      ) : (
        <EmptyState title={`No ${tab.label.toLowerCase()} payouts`} description="Payouts move between these tabs as they are decided and settled." />
      );
  else
    body = (
      <PayoutQueueTable
        payouts={list.data}
        now={now}
        freshIds={fresh}
        myId={me.data?.id}
        busy={busy}
        onApprove={(p) => decide.mutate({ id: p.id, version: p.version, decision: 'approve' })}
        onReject={setRejecting}
      />
    );

  return (
    <>
      <PageHeader title="Payout queue" description="Sellers' withdrawal requests, oldest first. Another admin approves what you request yourself." />
      {room.error && <ErrorState title="Live updates are unavailable" error={room.error} />}
      <Tabs
        value={tab.value}
        onChange={(value) => {
          const next = new URLSearchParams(params);
          if (!value || value === 'requested') next.delete('status');
          else next.set('status', value);
          setParams(next, { replace: true });
        }}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          {payoutQueueTabs.map((t) => (
            <Tabs.Tab key={t.value} value={t.value}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {payoutQueueTabs.map((t) => (
          <Tabs.Panel key={t.value} value={t.value}>
            {t.value === tab.value && body}
          </Tabs.Panel>
        ))}
      </Tabs>
      <PayoutRejectModal
        opened={rejecting !== null}
        summary={rejecting ? `${describe(rejecting)}.` : null}
        loading={decide.isPending && decide.variables?.decision === 'reject'}
        onClose={() => setRejecting(null)}
        onConfirm={(reason) => rejecting && decide.mutate({ id: rejecting.id, version: rejecting.version, decision: 'reject', reason })}
      />
    </>
  );
}
