// One recommendation widget (bought together, similar, trending, for you…): a heading, the
// source's reason in a line, and the cards. The API falls back to popular items when a source is
// empty or slow and says so in the row's title, so a loaded row is never empty unless the shop is.
import { Group, Stack, Text, Title } from '@mantine/core';
import { ErrorState } from '@marketdesk/ui';
import { useId } from 'react';
import type { RecommendationRowData } from '../../lib/api-types';
import { GridSkeleton } from '../catalog/grid-skeleton';
import { ListingGrid, type GridColumns } from '../catalog/listing-card';

interface RowQuery {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data: RecommendationRowData | undefined;
  refetch: () => unknown;
}

export const rowColumns: GridColumns = { base: 2, sm: 3, md: 6 };

export function RecommendationRow({ query, loadingLabel, count = 6 }: { query: RowQuery; loadingLabel: string; count?: number }) {
  const headingId = useId();
  if (query.isPending) return <GridSkeleton count={count} cols={rowColumns} label={loadingLabel} />;
  if (query.isError || !query.data) return <ErrorState title="Could not load recommendations" error={query.error as Error} onRetry={() => void query.refetch()} />;
  return <RecommendationSection row={query.data} headingId={headingId} />;
}

export function RecommendationSection({ row, headingId }: { row: RecommendationRowData; headingId: string }) {
  if (row.items.length === 0) return null; // only when the shop has no live stock at all
  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" align="baseline" gap="xs">
        <Title order={2} size="h3" id={headingId}>
          {row.title}
        </Title>
        {row.subtitle && (
          <Text size="sm" c="dimmed">
            {row.subtitle}
          </Text>
        )}
      </Group>
      <ListingGrid listings={row.items} label={row.title} cols={rowColumns} />
    </Stack>
  );
}
