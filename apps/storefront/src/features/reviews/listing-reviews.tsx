// The reviews section of a listing page: reviews of the orders that sold this listing
// (reviews.forListing), with the average and count, and a link to all of the seller's reviews.
import { Anchor, Group, Stack, Title } from '@mantine/core';
import { Link } from 'react-router';
import { trpc } from '../../trpc';
import { ReviewsBlock } from './review-list';

export const LISTING_REVIEWS_LIMIT = 10;

export function ListingReviews({ listingId, seller }: { listingId: string; seller: { id: string; name: string } }) {
  const reviews = trpc.reviews.forListing.useQuery({ listingId, limit: LISTING_REVIEWS_LIMIT });
  return (
    <Stack gap="sm" component="section" aria-labelledby="reviews">
      <Group justify="space-between" align="baseline" wrap="wrap">
        <Title order={2} size="h3" id="reviews">
          Reviews
        </Title>
        <Anchor component={Link} to={`/s/${seller.id}#reviews`} size="sm">
          All reviews of {seller.name}
        </Anchor>
      </Group>
      <ReviewsBlock
        data={reviews.data}
        isPending={reviews.isPending}
        error={reviews.error}
        onRetry={() => void reviews.refetch()}
        emptyTitle="No reviews of this record yet"
        emptyDescription="Buyers can review once their order has arrived. See what others said about the seller on their page."
      />
    </Stack>
  );
}
