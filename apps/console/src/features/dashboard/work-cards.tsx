// The dashboard's "what needs me" cards: each a count that links to the page where the work is.
// Counts follow the same live events as those pages, so they move while the dashboard is open.
import { Anchor, Card, SimpleGrid, Skeleton, Text } from '@mantine/core';
import { useRoom } from '@marketdesk/ui/app';
import { Link } from 'react-router';
import type { Me } from '../../trpc';
import { trpc } from '../../trpc';
import { can } from '../auth/use-session';
import { isSellerEvent, useLiveRefetch } from '../live/use-live-refetch';

const countLimit = 200;

/**
 * The card is a region named by its label, with its own link: a whole-card link would be named
 * "Orders awaiting shipment: 3" and collide with the "Orders" navigation link for anyone (or any
 * test) finding links by name.
 */
function WorkCard({ label, count, hint, to, linkLabel, loading }: { label: string; count: number | undefined; hint?: string; to: string; linkLabel: string; loading: boolean }) {
  const shown = count === undefined ? '—' : count >= countLimit ? `${countLimit}+` : String(count);
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-label={label}>
      <Text size="sm" c="dimmed" fw={500}>
        {label}
      </Text>
      {loading ? (
        <Skeleton h={36} w={48} mt={4} />
      ) : (
        <Text fz={32} fw={700} lh={1.1} mt={4}>
          {shown}
        </Text>
      )}
      {hint && (
        <Text size="xs" c="dimmed" mt={6}>
          {hint}
        </Text>
      )}
      <Anchor component={Link} to={to} size="sm" mt="sm" fw={500}>
        {linkLabel} →
      </Anchor>
    </Card>
  );
}

export function WorkCards({ me }: { me: Me }) {
  const sells = can(me, 'listings.manage');
  const ships = can(me, 'orders.ship');
  const reviews = can(me, 'listings.review');
  const approves = can(me, 'payouts.approve');
  // One row is enough: the answer carries per-state counts.
  const awaiting = trpc.orders.selling.useQuery({ states: ['paid'], limit: 1 }, { enabled: ships });
  const mine = trpc.listings.mine.useQuery(undefined, { enabled: sells });
  const queue = trpc.listings.pendingReview.useQuery({ limit: countLimit }, { enabled: reviews });
  const payouts = trpc.payouts.queue.useQuery({ states: ['requested'] }, { enabled: approves });
  useRoom(reviews ? 'queue:listings' : null);
  useRoom(approves ? 'queue:payouts' : null);

  useLiveRefetch((e) => ships && isSellerEvent(e, me.id, 'order.'), awaiting.refetch);
  useLiveRefetch((e) => sells && isSellerEvent(e, me.id, 'listing.'), mine.refetch);
  useLiveRefetch((e) => reviews && e.name.startsWith('listing.'), queue.refetch);
  useLiveRefetch((e) => approves && e.name.startsWith('payout.'), payouts.refetch);

  // Admins hold every permission; seller counts matter to them only if they actually sell.
  const isSeller = me.roles.includes('seller');
  const showOrders = ships && (isSeller || (awaiting.data?.total ?? 0) > 0 || Object.keys(awaiting.data?.counts ?? {}).length > 0);
  const showListings = sells && (isSeller || (mine.data?.length ?? 0) > 0);
  if (!showOrders && !showListings && !reviews && !approves) return null;
  const count = (state: string) => mine.data?.filter((l) => l.state === state).length;
  const rejected = count('rejected') ?? 0;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="lg" mb="lg">
      {showOrders && <WorkCard label="Orders awaiting shipment" count={awaiting.data ? (awaiting.data.counts.paid ?? 0) : undefined} to="/orders?status=paid" linkLabel="View them" loading={awaiting.isPending} hint="Paid, ready for you to send." />}
      {showListings && (
        <WorkCard
          label="Listings in review"
          count={count('pending_review')}
          to="/listings?state=pending_review"
          linkLabel="See them"
          loading={mine.isPending}
          hint={rejected > 0 ? `${rejected} rejected — revise and resubmit.` : 'Waiting for the Marketdesk team.'}
        />
      )}
      {showListings && <WorkCard label="Active listings" count={count('active')} to="/listings?state=active" linkLabel="See what is on sale" loading={mine.isPending} hint="On sale now." />}
      {approves && <WorkCard label="Payout requests" count={payouts.data?.length} to="/review/payouts" linkLabel="Decide them" loading={payouts.isPending} hint="Sellers waiting for an admin’s decision." />}
      {reviews && <WorkCard label="Listings waiting for review" count={queue.data?.length} to="/review/listings" linkLabel="Start reviewing" loading={queue.isPending} hint="Submitted by sellers, oldest first." />}
    </SimpleGrid>
  );
}
