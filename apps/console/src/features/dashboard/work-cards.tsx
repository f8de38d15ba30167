// The dashboard's "what needs me" cards: each a count that links to the page where the work is.
// Counts follow the same live events as those pages, so they move while the dashboard is open.
import { Card, Group, SimpleGrid, Skeleton, Text } from '@mantine/core';
import { useRoom } from '@marketdesk/ui/app';
import { Link } from 'react-router';
import type { Me } from '../../trpc';
import { trpc } from '../../trpc';
import { can } from '../auth/use-session';
import { isSellerEvent, useLiveRefetch } from '../live/use-live-refetch';

const countLimit = 200;

function WorkCard({ label, count, hint, to, loading }: { label: string; count: number | undefined; hint?: string; to: string; loading: boolean }) {
  const shown = count === undefined ? '—' : count >= countLimit ? `${countLimit}+` : String(count);
  return (
    <Card withBorder radius="md" padding="lg" component={Link} to={to} aria-label={`${label}: ${shown}`}>
      <Text size="sm" c="dimmed" fw={500}>
        {label}
      </Text>
      <Group align="baseline" gap="xs" mt={4}>
        {loading ? <Skeleton h={36} w={48} /> : <Text fz={32} fw={700} lh={1.1}>{shown}</Text>}
      </Group>
      {hint && (
        <Text size="xs" c="dimmed" mt={6}>
          {hint}
        </Text>
      )}
    </Card>
  );
}

export function WorkCards({ me }: { me: Me }) {
  const sells = can(me, 'listings.manage');
  const ships = can(me, 'orders.ship');
  const reviews = can(me, 'listings.review');
  // One row is enough: the answer carries per-state counts.
  const awaiting = trpc.orders.selling.useQuery({ states: ['paid'], limit: 1 }, { enabled: ships });
  const mine = trpc.listings.mine.useQuery(undefined, { enabled: sells });
  const queue = trpc.listings.pendingReview.useQuery({ limit: countLimit }, { enabled: reviews });
  useRoom(reviews ? 'queue:listings' : null);

  useLiveRefetch((e) => ships && isSellerEvent(e, me.id, 'order.'), awaiting.refetch);
  useLiveRefetch((e) => sells && isSellerEvent(e, me.id, 'listing.'), mine.refetch);
  useLiveRefetch((e) => reviews && e.name.startsWith('listing.'), queue.refetch);

  if (!sells && !ships && !reviews) return null;
  const count = (state: string) => mine.data?.filter((l) => l.state === state).length;
  const rejected = count('rejected') ?? 0;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="lg" mb="lg">
      {ships && <WorkCard label="Orders awaiting shipment" count={awaiting.data ? (awaiting.data.counts.paid ?? 0) : undefined} to="/orders?status=paid" loading={awaiting.isPending} hint="Paid, ready for you to send." />}
      {sells && (
        <WorkCard
          label="Listings in review"
          count={count('pending_review')}
          to="/listings?state=pending_review"
          loading={mine.isPending}
          hint={rejected > 0 ? `${rejected} rejected — revise and resubmit.` : 'Waiting for the Marketdesk team.'}
        />
      )}
      {sells && <WorkCard label="Active listings" count={count('active')} to="/listings?state=active" loading={mine.isPending} hint="On sale now." />}
      {reviews && <WorkCard label="Listings waiting for review" count={queue.data?.length} to="/review/listings" loading={queue.isPending} hint="Submitted by sellers, oldest first." />}
    </SimpleGrid>
  );
}
