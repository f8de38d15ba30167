// Reviews as shoppers read them (listing and seller pages): the average in stars with the count,
// then the latest reviews with the buyer's name, the date, the text and the seller's reply.
import { Group, Paper, Rating, Stack, Text } from '@mantine/core';
import { EmptyState, ErrorState } from '@marketdesk/ui';
import type { RouterOutputs } from '../../lib/api-types';
import { Timestamp } from '@marketdesk/ui';
import { ratingSummary } from './review-form';

export type PublicReviews = RouterOutputs['reviews']['forListing'];
export type ReviewView = PublicReviews['reviews'][number];

export function RatingSummary({ aggregate, size = 'md' }: { aggregate: PublicReviews['aggregate']; size?: 'sm' | 'md' | 'lg' }) {
  if (aggregate.count === 0 || aggregate.average === null) return null;
  return (
    <Group gap="xs" wrap="nowrap" role="img" aria-label={ratingSummary(aggregate)}>
      <Rating value={aggregate.average} fractions={10} readOnly size={size} aria-hidden />
      <Text size={size === 'lg' ? 'md' : 'sm'} fw={600} aria-hidden>
        {aggregate.average.toFixed(1)}
      </Text>
      <Text size="sm" c="dimmed" aria-hidden>
        ({aggregate.count})
      </Text>
    </Group>
  );
}

export function SellerReply({ review }: { review: Pick<ReviewView, 'sellerReply' | 'sellerRepliedAt'> }) {
  if (!review.sellerReply) return null;
  return (
    <Stack gap={2} pl="md" style={{ borderLeft: '3px solid var(--mantine-color-default-border)' }}>
      <Text size="xs" c="dimmed">
        Seller’s reply
        {review.sellerRepliedAt ? (
          <>
            {' · '}
            <Timestamp value={review.sellerRepliedAt} shape="date" />
          </>
        ) : null}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
        {review.sellerReply}
      </Text>
    </Stack>
  );
}

export function ReviewItem({ review }: { review: ReviewView }) {
  return (
    <Stack gap={6}>
      <Group gap="sm" wrap="wrap">
        <Rating value={review.rating} readOnly size="sm" aria-label={`${review.rating} out of 5 stars`} role="img" />
        <Text size="sm" fw={600}>
          {review.buyer.name}
        </Text>
        <Text size="sm" c="dimmed">
          <Timestamp value={review.createdAt} shape="date" />
        </Text>
      </Group>
      {review.body ? (
        <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
          {review.body}
        </Text>
      ) : (
        <Text size="sm" c="dimmed" fs="italic">
          Rated without a comment.
        </Text>
      )}
      <SellerReply review={review} />
    </Stack>
  );
}

interface ReviewsBlockProps {
  data: PublicReviews | undefined;
  isPending: boolean;
  error: unknown;
  onRetry: () => void;
  emptyTitle: string;
  emptyDescription: string;
  /** Off where the page already shows the rating above (the seller's header). */
  showSummary?: boolean;
}

/** Summary + list with loading, empty and error states. */
export function ReviewsBlock({ data, isPending, error, onRetry, emptyTitle, emptyDescription, showSummary = true }: ReviewsBlockProps) {
  if (isPending) {
    return (
      <Paper withBorder radius="md" p="lg">
        <Text size="sm" c="dimmed">
          Loading reviews…
        </Text>
      </Paper>
    );
  }
  if (error || !data) return <ErrorState title="Could not load reviews" error={error} onRetry={onRetry} />;
  if (data.reviews.length === 0) {
    return (
      <Paper withBorder radius="md">
        <EmptyState title={emptyTitle} description={emptyDescription} icon={<span aria-hidden>★</span>} />
      </Paper>
    );
  }
  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="lg">
        {showSummary && <RatingSummary aggregate={data.aggregate} size="lg" />}
        <Stack gap="lg" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label="Latest reviews">
          {data.reviews.map((r) => (
            <li key={r.id}>
              <ReviewItem review={r} />
            </li>
          ))}
        </Stack>
      </Stack>
    </Paper>
  );
}
