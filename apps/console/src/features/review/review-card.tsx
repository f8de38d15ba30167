// One listing waiting for review: what a reviewer needs to judge it at a glance, and the decision.
import { Badge, Button, Group, Image, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { gradeLabels, isGrade } from '@marketdesk/domain';
import { formatDateTime, formatMoney, formatRelativeTime } from '@marketdesk/ui';
import type { RouterOutputs } from '../../trpc';

export type PendingListing = RouterOutputs['listings']['pendingReview'][number];

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

export interface ReviewCardProps {
  listing: PendingListing;
  now: Date;
  fresh?: boolean;
  busy?: 'approve' | 'reject' | null;
  onApprove: () => void;
  onReject: () => void;
}

export function ReviewCard({ listing: l, now, fresh, busy, onApprove, onReject }: ReviewCardProps) {
  const attributes = describeAttributes(l.attributes);
  return (
    <Paper
      component="article"
      aria-label={l.title}
      withBorder
      radius="md"
      p="md"
      data-fresh={fresh || undefined}
      bg={fresh ? 'var(--mantine-primary-color-light)' : undefined}
      style={{ transition: 'background-color 1.5s ease' }}
    >
      <Stack gap="sm">
        {l.images.length > 0 ? (
          <SimpleGrid cols={4} spacing={6}>
            {l.images.slice(0, 4).map((img, i) => (
              <Image key={img.id} src={img.thumbUrl} alt={`${l.title}, photo ${i + 1}`} h={84} radius="sm" fit="cover" />
            ))}
          </SimpleGrid>
        ) : (
          <Text size="sm" c="dimmed">
            No photos
          </Text>
        )}
        <Stack gap={2}>
          <Title order={2} size="h5">
            {l.title}
          </Title>
          {attributes && <Text size="sm">{attributes}</Text>}
          <Text size="xs" c="dimmed">
            {l.category.name} · by {l.seller.name} ·{' '}
            <time dateTime={new Date(l.updatedAt).toISOString()} title={formatDateTime(l.updatedAt)}>
              submitted {formatRelativeTime(l.updatedAt, now)}
            </time>
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
          <Text size="sm" c="dimmed" lineClamp={3}>
            {l.description}
          </Text>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" color="red" onClick={onReject} loading={busy === 'reject'} disabled={busy === 'approve'}>
            Reject
          </Button>
          <Button onClick={onApprove} loading={busy === 'approve'} disabled={busy === 'reject'}>
            Approve
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
