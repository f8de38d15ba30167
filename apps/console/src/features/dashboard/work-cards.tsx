// The dashboard's "what needs me" cards for people who sell: each a count that links to the page
// where the work is. Counts follow the same live events as those pages, so they move while the
// dashboard is open.
import { Anchor, Card, SimpleGrid, Skeleton, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Me } from '../../trpc';
import { trpc } from '../../trpc';
import { can, sells } from '../auth/use-session';
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

/**
 * A seller's work: orders to send and listings in review or on sale. Staff's work is the queue
 * overview beside it (queue-overview.tsx), so an admin's dashboard asks for no seller's data.
 */
export function WorkCards({ me }: { me: Me }) {
  const seller = sells(me);
  const ships = seller && can(me, 'orders.ship');
  const lists = seller && can(me, 'listings.manage');
  // One row is enough: the answer carries per-state counts.
  const awaiting = trpc.orders.selling.useQuery({ states: ['paid'], limit: 1 }, { enabled: ships });
  const mine = trpc.listings.mine.useQuery(undefined, { enabled: lists });
  useLiveRefetch((e) => isSellerEvent(e, me.id, 'order.'), awaiting);
  useLiveRefetch((e) => isSellerEvent(e, me.id, 'listing.'), mine);

  if (!ships && !lists) return null;
  const count = (state: string) => mine.data?.filter((l) => l.state === state).length;
  const rejected = count('rejected') ?? 0;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="lg" mb="lg">
      {ships && <WorkCard label="Orders awaiting shipment" count={awaiting.data ? (awaiting.data.counts.paid ?? 0) : undefined} to="/orders?status=paid" linkLabel="View them" loading={awaiting.isPending} hint="Paid, ready for you to send." />}
      {lists && (
        <WorkCard
          label="Listings in review"
          count={count('pending_review')}
          to="/listings?state=pending_review"
          linkLabel="See them"
          loading={mine.isPending}
          hint={rejected > 0 ? `${rejected} rejected — revise and resubmit.` : 'Waiting for the Marketdesk team.'}
        />
      )}
      {lists && <WorkCard label="Active listings" count={count('active')} to="/listings?state=active" linkLabel="See what is on sale" loading={mine.isPending} hint="On sale now." />}
    </SimpleGrid>
  );
}
