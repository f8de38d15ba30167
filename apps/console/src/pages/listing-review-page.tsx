// Staff review of submitted listings. The queue is live: new submissions slide in highlighted and
// decided ones (by anyone) leave. Decisions carry the version the reviewer saw, so when two
// reviewers decide the same listing the second is told who won instead of overwriting.
import { SimpleGrid } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { EmptyState, ErrorState, LoadingState, PageHeader } from '@marketdesk/ui';
import { useRoom } from '@marketdesk/ui/app';
import { useState } from 'react';
import { useArrivals } from '../features/live/use-fresh-ids';
import { useLiveRefetch } from '../features/live/use-live-refetch';
import { useNow } from '../features/live/use-now';
import { RejectModal } from '../features/review/reject-modal';
import { ReviewCard, type PendingListing } from '../features/review/review-card';
import { errorCode, trpc } from '../trpc';

export function ListingReviewPage() {
  const list = trpc.listings.pendingReview.useQuery({ limit: 100 });
  const room = useRoom('queue:listings');
  useLiveRefetch((event) => event.name.startsWith('listing.'), list.refetch);
  const fresh = useArrivals(list.data?.map((l) => l.id));
  const now = useNow();
  const [rejecting, setRejecting] = useState<PendingListing | null>(null);

  const decide = trpc.listings.decide.useMutation({
    onSuccess: (_result, input) => {
      const title = list.data?.find((l) => l.id === input.id)?.title ?? 'The listing';
      notifications.show(
        input.command === 'approve'
          ? { color: 'green', title: 'Approved', message: `${title} is now live.` }
          : { color: 'gray', title: 'Rejected', message: `${title} went back to its seller with your reason.` },
      );
      setRejecting(null);
      void list.refetch();
    },
    onError: (error) => {
      const conflict = errorCode(error) === 'CONFLICT';
      notifications.show({
        color: conflict ? 'yellow' : 'red',
        title: conflict ? 'Already decided or changed' : 'Could not record the decision',
        message: error.message,
      });
      setRejecting(null);
      void list.refetch();
    },
  });
  const busyFor = (id: string) => (decide.isPending && decide.variables?.id === id ? decide.variables.command : null);

  let body;
  if (list.isPending) body = <LoadingState label="Loading listings waiting for review…" />;
  else if (list.isError) body = <ErrorState title="Could not load the review queue" error={list.error} onRetry={() => void list.refetch()} />;
  else if (list.data.length === 0) body = <EmptyState title="Nothing to review" description="New submissions appear here as sellers send them." />;
  else {
    body = (
      <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md" role="list" aria-label="Listings waiting for review">
        {list.data.map((l) => (
          <div role="listitem" key={l.id}>
            <ReviewCard
              listing={l}
              now={now}
              fresh={fresh.has(l.id)}
              busy={busyFor(l.id)}
              onApprove={() => decide.mutate({ id: l.id, version: l.version, command: 'approve' })}
              onReject={() => setRejecting(l)}
            />
          </div>
        ))}
      </SimpleGrid>
    );
  }

  return (
    <>
      <PageHeader
        title="Listing review"
        description={list.data ? `${list.data.length} waiting, oldest first. New submissions appear live.` : 'Listings sellers have submitted, oldest first.'}
      />
      {room.error && <ErrorState title="Live updates are unavailable" error={room.error} />}
      {body}
      <RejectModal
        opened={rejecting !== null}
        title={rejecting?.title ?? null}
        loading={decide.isPending && decide.variables?.command === 'reject'}
        onClose={() => setRejecting(null)}
        onConfirm={(reason) => rejecting && decide.mutate({ id: rejecting.id, version: rejecting.version, command: 'reject', reason })}
      />
    </>
  );
}
