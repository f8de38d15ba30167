// The home page's discovery rows: for a signed-in buyer, recommendations from what they bought and
// looked at and their recently viewed records; for everyone, what is trending.
import { Stack } from '@mantine/core';
import { ErrorState } from '@marketdesk/ui';
import { useMe } from '../auth/use-session';
import { GridSkeleton } from '../catalog/grid-skeleton';
import { trpc } from '../../trpc';
import { RecommendationSection, rowColumns } from './recommendation-row';

export function HomeRows() {
  const me = useMe();
  // Asked once we know who is signed in (personal rows); signing out drops every cached answer.
  const rows = trpc.discovery.home.useQuery({ limit: 6 }, { enabled: !me.isPending, staleTime: 30_000 });
  if (me.isPending || rows.isPending) return <GridSkeleton count={6} cols={rowColumns} label="Loading recommendations…" />;
  if (rows.isError) return <ErrorState title="Could not load recommendations" error={rows.error} onRetry={() => void rows.refetch()} />;
  return (
    <Stack gap={40}>
      {rows.data.map((row) => (
        <RecommendationSection key={row.key} row={row} headingId={`home-row-${row.key}`} />
      ))}
    </Stack>
  );
}
