// A seller's page (/s/:sellerId): their name, rating and reviews (reviews.forSeller) and what they
// have for sale now (catalog.search by seller, newest first, "Load more"). Server rendered with a
// head of its own (title, description, canonical, Organization JSON-LD with the rating).
import { Anchor, Breadcrumbs, Button, Group, Stack, Text, Title } from '@mantine/core';
import { EmptyState, ErrorState } from '@marketdesk/ui';
import { Link, useParams } from 'react-router';
import { GridSkeleton } from '../features/catalog/grid-skeleton';
import { ListingGrid } from '../features/catalog/listing-card';
import { ratingSummary } from '../features/reviews/review-form';
import { RatingSummary, ReviewsBlock } from '../features/reviews/review-list';
import { isSellerId, SELLER_REVIEWS_LIMIT, sellerIsUnknown, sellerName, sellerSearchInput } from '../features/sellers/seller-data';
import { sellerHead } from '../features/seo/head';
import { useHead } from '../features/seo/use-head';
import { plural } from '../lib/format';
import { trpc } from '../trpc';
import { NotFoundPage } from './not-found-page';

const columns = { base: 2, sm: 3, md: 4 };

function SellerView({ sellerId }: { sellerId: string }) {
  const listings = trpc.catalog.search.useInfiniteQuery(sellerSearchInput(sellerId), { getNextPageParam: (last) => last.nextCursor ?? undefined });
  const reviews = trpc.reviews.forSeller.useQuery({ sellerId, limit: SELLER_REVIEWS_LIMIT });
  const first = listings.data?.pages[0];
  const name = sellerName(sellerId, first) ?? 'This seller';
  const total = first?.total ?? 0;
  useHead(first && reviews.data ? sellerHead({ id: sellerId, name, listingCount: total, aggregate: reviews.data.aggregate }) : null);

  if (sellerIsUnknown(first, reviews.data)) return <NotFoundPage title="Seller not found" description="This seller has nothing for sale and no reviews, or does not exist." />;
  const items = listings.data?.pages.flatMap((p) => p.items) ?? [];

  let shelf;
  if (listings.isPending) shelf = <GridSkeleton count={8} label="Loading their records…" cols={columns} />;
  else if (listings.isError) shelf = <ErrorState title="Could not load their records" error={listings.error} onRetry={() => void listings.refetch()} />;
  else if (items.length === 0) shelf = <EmptyState title="Nothing for sale right now" description={`${name} has sold everything they listed. Check back soon.`} action={<Button component={Link} to="/search" variant="light">Browse other records</Button>} />;
  else {
    shelf = (
      <Stack gap="md">
        <ListingGrid listings={items} label={`Records from ${name}`} cols={columns} />
        {listings.hasNextPage && (
          <Group justify="center">
            <Button variant="default" onClick={() => void listings.fetchNextPage()} loading={listings.isFetchingNextPage}>
              Load more
            </Button>
          </Group>
        )}
      </Stack>
    );
  }

  return (
    <Stack gap="xl" py="lg">
      <Breadcrumbs separator="›" aria-label="Breadcrumb">
        <Anchor component={Link} to="/" size="sm">
          Home
        </Anchor>
        <Text size="sm" c="dimmed">
          Sellers
        </Text>
      </Breadcrumbs>
      <Stack gap={6}>
        <Text size="sm" c="dimmed" fw={500}>
          Seller
        </Text>
        <Title order={1}>{name}</Title>
        <Group gap="md" wrap="wrap">
          {reviews.data && reviews.data.aggregate.count > 0 ? <RatingSummary aggregate={reviews.data.aggregate} /> : reviews.data ? <Text size="sm" c="dimmed">{ratingSummary(reviews.data.aggregate)}</Text> : null}
          {first && (
            <Text size="sm" c="dimmed">
              {plural(total, 'record')} listed
            </Text>
          )}
        </Group>
      </Stack>
      <Stack gap="sm" component="section" aria-labelledby="for-sale">
        <Group justify="space-between" align="baseline">
          <Title order={2} size="h3" id="for-sale">
            For sale
          </Title>
          {total > 0 && (
            <Anchor component={Link} to={`/search?seller=${sellerId}`} size="sm">
              Search their records
            </Anchor>
          )}
        </Group>
        {shelf}
      </Stack>
      <Stack gap="sm" component="section" aria-labelledby="reviews">
        <Title order={2} size="h3" id="reviews">
          Reviews
        </Title>
        <ReviewsBlock
          data={reviews.data}
          isPending={reviews.isPending}
          error={reviews.error}
          onRetry={() => void reviews.refetch()}
          emptyTitle="No reviews yet"
          emptyDescription={`Buyers review ${name} once their order has arrived and is completed.`}
          showSummary={false}
        />
      </Stack>
    </Stack>
  );
}

export function SellerPage() {
  const { sellerId = '' } = useParams();
  if (!isSellerId(sellerId)) return <NotFoundPage title="Seller not found" description="This seller does not exist." />;
  return <SellerView key={sellerId} sellerId={sellerId} />;
}
