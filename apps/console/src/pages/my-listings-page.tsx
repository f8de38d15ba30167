// A seller's listings, filtered by state, with the actions each state allows. Reviewers' decisions,
// sell-outs and stock changes arrive live through the seller's room (joined by the shell).
import { Badge, Button, Group, Modal, Stack, Tabs, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { listingMachine, type ListingState } from '@marketdesk/domain';
import { EmptyState, ErrorState, LoadingState, PageHeader, useNow } from '@marketdesk/ui';
import { VerificationBanner } from '../features/kyc/verification-banner';
import { useLiveEvents } from '@marketdesk/ui/app';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMe } from '../features/auth/use-session';
import { isListingState, listingStateTabs } from '../features/listings/listing-states';
import { MyListingsTable, type ListingAction, type MyListing, type SellerCommand } from '../features/listings/my-listings-table';
import { useFreshIds } from '../features/live/use-fresh-ids';
import { isSellerEvent, useLiveRefetch } from '../features/live/use-live-refetch';
import { errorCode, trpc } from '../trpc';

const doneMessages: Record<SellerCommand, string> = {
  submit_for_review: 'Submitted for review',
  revise: 'Back to draft: edit it and submit again',
  pause: 'Paused: buyers no longer see it',
  resume: 'Back on sale',
  archive: 'Archived',
};

function emptyFor(tab: string) {
  if (tab === 'all') return { title: 'No listings yet', description: 'Create your first listing; our team reviews it before it goes live.' };
  const label = (listingStateTabs.find((t) => t.value === tab)?.label ?? tab).toLowerCase();
  return { title: `Nothing ${label}`, description: 'Listings move here as their state changes.' };
}

export function MyListingsPage() {
  const me = useMe();
  const myId = me.data?.id;
  const [params, setParams] = useSearchParams();
  const requested = params.get('state') ?? 'all';
  const tab = requested === 'all' || isListingState(requested) ? requested : 'all';
  const list = trpc.listings.mine.useQuery();
  const now = useNow();
  const { fresh, mark } = useFreshIds();
  const [confirmArchive, setConfirmArchive] = useState<MyListing | null>(null);

  useLiveRefetch((event) => isSellerEvent(event, myId, 'listing.'), list);
  useLiveEvents((event) => {
    if (!isSellerEvent(event, myId, 'listing.')) return;
    const listingId = (event.payload as { listingId: string }).listingId;
    mark(listingId);
    const title = list.data?.find((l) => l.id === listingId)?.title ?? 'Your listing';
    if (event.name === 'listing.approved') notifications.show({ color: 'green', title: 'Listing approved', message: `${title} is now live.` });
    if (event.name === 'listing.rejected') notifications.show({ color: 'red', title: 'Listing rejected', message: `${title}: ${event.payload.reason}`, autoClose: 15_000 });
    if (event.name === 'listing.sold_out') notifications.show({ color: 'orange', title: 'Sold out', message: `${title} has sold its last item.` });
  });

  const command = trpc.listings.command.useMutation({
    onSuccess: (result, input) => {
      notifications.show({ color: 'green', title: listingMachine.commands[input.command].label, message: doneMessages[input.command] });
      mark(result.id);
      void list.refetch();
    },
    onError: (error) => {
      // Someone (a reviewer, a buyer emptying the stock, another tab) changed it first.
      const conflict = errorCode(error) === 'CONFLICT';
      notifications.show({ color: conflict ? 'yellow' : 'red', title: conflict ? 'This listing just changed' : 'Could not update the listing', message: error.message });
      if (conflict) void list.refetch();
    },
  });

  const run = (listing: MyListing, action: ListingAction) => {
    if (action.command === 'archive') return setConfirmArchive(listing);
    command.mutate({ id: listing.id, version: listing.version, command: action.command });
  };

  const counts = useMemo(() => {
    const out = new Map<string, number>([['all', list.data?.length ?? 0]]);
    for (const l of list.data ?? []) out.set(l.state, (out.get(l.state) ?? 0) + 1);
    return out;
  }, [list.data]);
  const shown = useMemo(() => (list.data ?? []).filter((l) => tab === 'all' || l.state === (tab as ListingState)), [list.data, tab]);
  const pending = command.isPending && command.variables ? { id: command.variables.id, command: command.variables.command } : null;

  let body;
  if (list.isPending) body = <LoadingState label="Loading your listings…" />;
  else if (list.isError) body = <ErrorState title="Could not load your listings" error={list.error} onRetry={() => void list.refetch()} />;
  else if (shown.length === 0) {
    const empty = emptyFor(tab);
    body = (
      <EmptyState
        title={empty.title}
        description={empty.description}
        action={tab === 'all' ? <Button component={Link} to="/listings/new">Create a listing</Button> : undefined}
      />
    );
  } else body = <MyListingsTable listings={shown} now={now} freshIds={fresh} pending={pending} onCommand={run} />;

  return (
    <>
      <PageHeader
        title="My listings"
        description="Everything you sell, from draft to sold out. Changes from reviewers and buyers appear live."
        actions={
          <Button component={Link} to="/listings/new">
            New listing
          </Button>
        }
      />
      <VerificationBanner what="Publishing" />
      <Tabs
        value={tab}
        onChange={(value) => {
          const next = new URLSearchParams(params);
          if (!value || value === 'all') next.delete('state');
          else next.set('state', value);
          setParams(next, { replace: true });
        }}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          {listingStateTabs.map((t) => (
            <Tabs.Tab
              key={t.value}
              value={t.value}
              rightSection={
                list.data ? (
                  <Badge size="xs" variant="light" color="gray">
                    {counts.get(t.value) ?? 0}
                  </Badge>
                ) : undefined
              }
            >
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {listingStateTabs.map((t) => (
          <Tabs.Panel key={t.value} value={t.value}>
            {t.value === tab && body}
          </Tabs.Panel>
        ))}
      </Tabs>

      <Modal opened={confirmArchive !== null} onClose={() => setConfirmArchive(null)} title="Archive this listing?">
        <Stack>
          <Text size="sm">
            <Text span fw={600}>
              {confirmArchive?.title}
            </Text>{' '}
            leaves the shop for good. Archived listings cannot be edited or put back on sale.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmArchive(null)}>
              Keep it
            </Button>
            <Button
              color="red"
              onClick={() => {
                if (confirmArchive) command.mutate({ id: confirmArchive.id, version: confirmArchive.version, command: 'archive' });
                setConfirmArchive(null);
              }}
            >
              Archive listing
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
