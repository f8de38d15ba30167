// The storefront front door: what Marketdesk is, the newest records, and the category shelves.
import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { EmptyState, ErrorState } from '@marketdesk/ui';
import { Link } from 'react-router';
import { useMe } from '../features/auth/use-session';
import { CategoriesSection } from '../features/catalog/categories-section';
import { HomeRows } from '../features/discovery/home-rows';
import { ListingGrid } from '../features/catalog/listing-card';
import { GridSkeleton } from '../features/catalog/grid-skeleton';
import { simpleHead } from '../features/seo/head';
import { useHead } from '../features/seo/use-head';
import { trpc } from '../trpc';

function NewArrivals() {
  const home = trpc.catalog.home.useQuery({ limit: 8 });
  let body;
  if (home.isPending) body = <GridSkeleton count={8} label="Loading new arrivals…" />;
  else if (home.isError) body = <ErrorState title="Could not load new arrivals" error={home.error} onRetry={() => void home.refetch()} />;
  else if (home.data.length === 0) body = <EmptyState title="Nothing new yet" description="Fresh listings appear here as soon as sellers publish them." />;
  else body = <ListingGrid listings={home.data} label="New arrivals" />;
  return (
    <Stack gap="sm" component="section" aria-labelledby="new-arrivals">
      <Group justify="space-between" align="baseline">
        <Title order={2} size="h3" id="new-arrivals">
          New arrivals
        </Title>
        <Anchor component={Link} to="/search?sort=newest" size="sm">
          See all records →
        </Anchor>
      </Group>
      {body}
    </Stack>
  );
}

export function HomePage() {
  const me = useMe();
  useHead(simpleHead('Marketdesk', '/', 'Buy records from independent sellers: vinyl, CDs, tapes and hi-fi, graded honestly and paid into escrow until your order arrives.'));
  return (
    <Stack gap={40} py="lg">
      <Paper p={{ base: 'lg', sm: 48 }} radius="lg" bg="var(--mantine-primary-color-light)">
        <Stack gap="md" maw={620}>
          <Title order={1} fz={{ base: 36, sm: 52 }}>
            Marketdesk
          </Title>
          <Text size="lg">
            A marketplace for records: buy from independent sellers, or sell your collection to us with a
            transparent quote. Payments are held in escrow until your order arrives.
          </Text>
          <Group>
            <Button component={Link} to="/search" size="md">
              Browse records
            </Button>
            {me.data ? (
              <Button component={Link} to="/orders" size="md" variant="default">
                Your orders
              </Button>
            ) : (
              <Button component={Link} to="/register" size="md" variant="default">
                Create an account
              </Button>
            )}
          </Group>
        </Stack>
      </Paper>
      <HomeRows />
      <NewArrivals />
      <CategoriesSection />
    </Stack>
  );
}
