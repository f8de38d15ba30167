// Your wishlist (/wishlist): saved records with what changed since you saved them — a lower price
// or back in stock — and a way to take each off. Price drops and restocks also notify you.
import { Anchor, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { EmptyState, ErrorState, LoadingState, PageHeader, Timestamp, errorMessage } from '@marketdesk/ui';
import { useLiveEvents } from '@marketdesk/ui/app';
import { Link } from 'react-router';
import { RequireAuth } from '../features/auth/require-auth';
import { RecordCover } from '../features/catalog/record-cover';
import { simpleHead } from '../features/seo/head';
import { useHead } from '../features/seo/use-head';
import type { WishlistItemView } from '../lib/api-types';
import { money } from '../lib/format';
import { trpc } from '../trpc';

function Changes({ item }: { item: WishlistItemView }) {
  const l = item.listing;
  return (
    <Group gap={6}>
      {item.priceDropMinor !== null && (
        <Badge color="green" variant="light">
          Price drop: {money(item.priceDropMinor, l.currency)} less than when saved
        </Badge>
      )}
      {item.backInStock && (
        <Badge color="teal" variant="light">
          Back in stock
        </Badge>
      )}
      {l.soldOut && !item.unavailable && (
        <Badge color="dark" variant="filled">
          Sold out
        </Badge>
      )}
      {item.unavailable && (
        <Badge color="gray" variant="light">
          No longer for sale
        </Badge>
      )}
    </Group>
  );
}

function WishlistRow({ item }: { item: WishlistItemView }) {
  const utils = trpc.useUtils();
  const remove = trpc.wishlist.remove.useMutation({
    onSuccess: () => notifications.show({ title: 'Removed from your wishlist', message: item.listing.title }),
    onError: (error) => notifications.show({ color: 'red', title: 'Could not remove', message: errorMessage(error) }),
    onSettled: () => Promise.all([utils.wishlist.list.invalidate(), utils.wishlist.ids.invalidate()]),
  });
  const l = item.listing;
  return (
    <Card withBorder radius="md" component="li" padding="md">
      <Group wrap="nowrap" align="flex-start" gap="md">
        <div style={{ width: 88, flexShrink: 0 }}>
          <RecordCover imageUrl={l.imageUrl} name={l.artist ?? l.title} alt={l.title} />
        </div>
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Anchor component={Link} to={`/l/${l.slug}`} fw={700} lineClamp={2}>
            {l.title}
          </Anchor>
          <Group gap="xs" align="baseline">
            <Text fw={700} size="lg">
              {money(l.priceMinor, l.currency)}
            </Text>
            {item.priceDropMinor !== null && (
              <Text size="sm" c="dimmed" td="line-through">
                {money(item.savedPriceMinor, l.currency)}
              </Text>
            )}
          </Group>
          <Changes item={item} />
          <Text size="xs" c="dimmed">
            Saved <Timestamp value={item.savedAt} shape="date" /> · sold by {l.seller.name}
          </Text>
        </Stack>
        <Button variant="subtle" color="red" size="xs" onClick={() => remove.mutate({ listingId: l.id })} loading={remove.isPending} aria-label={`Remove ${l.title} from your wishlist`}>
          Remove
        </Button>
      </Group>
    </Card>
  );
}

function WishlistList() {
  const list = trpc.wishlist.list.useQuery();
  const utils = trpc.useUtils();
  // A price drop or restock notification means something on this page changed.
  useLiveEvents((event) => {
    if (event.name === 'notification.created') void utils.wishlist.list.invalidate();
  });
  if (list.isPending) return <LoadingState label="Loading your wishlist…" rows={4} />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  if (list.data.length === 0) {
    return <EmptyState title="Nothing saved yet" description="Save records with the heart on their page; we tell you when they get cheaper or come back in stock." action={<Button component={Link} to="/search">Browse records</Button>} />;
  }
  return (
    <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Wishlist">
      {list.data.map((item) => (
        <WishlistRow key={item.listing.id} item={item} />
      ))}
    </Stack>
  );
}

export function WishlistPage() {
  useHead(simpleHead('Your wishlist', '/wishlist', undefined, 'noindex'));
  return (
    <Stack gap="lg" py="lg">
      <PageHeader title="Your wishlist" description="Saved records, with price drops and restocks since you saved them." />
      <RequireAuth>{() => <WishlistList />}</RequireAuth>
    </Stack>
  );
}
