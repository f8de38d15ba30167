// One listing in the review drawer: photos, what the seller says it is, condition, price and stock,
// so a reviewer can judge it without leaving the queue.
import { Badge, Group, Image, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { gradeLabels, isGrade } from '@marketdesk/domain';
import { ErrorState, formatMoney, LoadingState } from '@marketdesk/ui';
import { trpc } from '../../trpc';
import type { QueueRow } from '../queues/queue-rows';
import { useFollowRow } from '../queues/use-follow-row';

/** "Miles Davis · LP · 1959 · Columbia" from whichever record attributes the seller filled in. */
export function describeAttributes(attributes: Record<string, string>): string {
  return ['artist', 'format', 'year', 'label']
    .map((k) => attributes[k]?.trim())
    .filter((v): v is string => !!v)
    .join(' · ');
}

export function describeCondition(condition: string | null): string {
  if (!condition) return 'Not graded';
  return isGrade(condition) ? `${condition} — ${gradeLabels[condition]}` : condition;
}

export function ListingSubject({ row }: { row: QueueRow }) {
  const listing = trpc.listings.forReview.useQuery({ id: row.subjectId });
  useFollowRow(row, listing.refetch);
  if (listing.isPending) return <LoadingState label="Loading the listing…" />;
  if (listing.isError) return <ErrorState title="Could not load the listing" error={listing.error} onRetry={() => void listing.refetch()} />;
  const l = listing.data;
  const attributes = describeAttributes(l.attributes);
  return (
    <Stack gap="sm" aria-label="Listing under review">
      {l.images.length > 0 ? (
        <SimpleGrid cols={4} spacing={6}>
          {l.images.slice(0, 8).map((img, i) => (
            <a key={img.id} href={img.url} target="_blank" rel="noreferrer">
              <Image src={img.thumbUrl} alt={`${l.title}, photo ${i + 1}`} h={84} radius="sm" fit="cover" />
            </a>
          ))}
        </SimpleGrid>
      ) : (
        <Text size="sm" c="dimmed">
          No photos
        </Text>
      )}
      <Stack gap={2}>
        <Title order={3} size="h5">
          {l.title}
        </Title>
        {attributes && <Text size="sm">{attributes}</Text>}
        <Text size="xs" c="dimmed">
          {l.category.name} · by {l.seller.name}
        </Text>
      </Stack>
      <Group gap="xs">
        <Badge variant="light" color="gray" tt="none">
          {describeCondition(l.condition)}
        </Badge>
        <Badge variant="light" tt="none">
          {formatMoney({ amountMinor: l.priceMinor, currency: l.currency })}
        </Badge>
        <Badge variant="light" color={l.available > 0 ? 'gray' : 'red'} tt="none">
          {l.available > 0 ? `${l.available} in stock` : 'No stock'}
        </Badge>
        {l.shippingMinor > 0 && (
          <Badge variant="outline" color="gray" tt="none">
            + {formatMoney({ amountMinor: l.shippingMinor, currency: l.currency })} shipping
          </Badge>
        )}
      </Group>
      {l.description && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {l.description}
        </Text>
      )}
    </Stack>
  );
}
