// /listings/new and /listings/:id/edit. The edit page loads the listing as its seller sees it
// (drafts and reviews included) and re-mounts the editor when a newer version is loaded.
import { Anchor } from '@mantine/core';
import { ErrorState, LoadingState, PageHeader } from '@marketdesk/ui';
import { Link, useParams } from 'react-router';
import { ListingEditor } from '../features/listings/listing-editor';
import { ListingStateBadge } from '../features/listings/my-listings-table';
import { PriceHistoryCard } from '../features/markdowns/price-history-card';
import { trpc } from '../trpc';

function BackLink() {
  return (
    <Anchor component={Link} to="/listings" size="sm">
      ← My listings
    </Anchor>
  );
}

export function NewListingPage() {
  return (
    <>
      <BackLink />
      <PageHeader title="New listing" description="Describe the item, add photos and set your price." />
      <ListingEditor />
    </>
  );
}

export function EditListingPage() {
  const { id = '' } = useParams();
  const listing = trpc.catalog.listing.useQuery({ id }, { staleTime: 0 });

  let body;
  if (listing.isPending) body = <LoadingState label="Loading the listing…" rows={6} />;
  else if (listing.isError) body = <ErrorState title="Could not load this listing" error={listing.error} onRetry={() => void listing.refetch()} />;
  else if (listing.data.state === 'archived') body = <ErrorState title="Archived listings cannot be edited" error="This listing has left the shop for good." />;
  else body = <ListingEditor key={`${listing.data.id}:${listing.data.version}`} listing={listing.data} onReloadLatest={() => void listing.refetch()} reloading={listing.isFetching} />;

  return (
    <>
      <BackLink />
      <PageHeader
        title="Edit listing"
        description={listing.data?.title}
        actions={listing.data ? <ListingStateBadge listing={listing.data} /> : undefined}
      />
      {body}
      {listing.data && <PriceHistoryCard listingId={listing.data.id} />}
    </>
  );
}
