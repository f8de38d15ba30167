// Under a listing: what buyers of this record also bought, and similar records.
import { Stack } from '@mantine/core';
import { trpc } from '../../trpc';
import { RecommendationRow } from './recommendation-row';

export function ListingRecommendations({ listingId }: { listingId: string }) {
  const together = trpc.discovery.boughtTogether.useQuery({ listingId, limit: 6 }, { staleTime: 60_000 });
  const similar = trpc.discovery.similar.useQuery({ listingId, limit: 6 }, { staleTime: 60_000 });
  return (
    <Stack gap="xl">
      <RecommendationRow query={together} loadingLabel="Loading records bought together…" />
      <RecommendationRow query={similar} loadingLabel="Loading similar records…" />
    </Stack>
  );
}
