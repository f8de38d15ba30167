// One listing (/l/:slug): photos, facts, price, seller, shipping, delivery window, quantity and
// "Add to cart", description and reviews. Stock is live (see use-live-listing.ts).
import { Alert, Anchor, Badge, Breadcrumbs, Button, Divider, Grid, Group, NumberInput, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ErrorState, LoadingState } from '@marketdesk/ui';
import { errorMessage } from '@marketdesk/ui';
import { isNotFoundError } from '@marketdesk/ui/app';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useCart } from '../features/cart/use-cart';
import { Gallery } from '../features/catalog/gallery';
import { useLiveListing } from '../features/live/use-live-listing';
import { ListingReviews } from '../features/reviews/listing-reviews';
import { ListingRecommendations } from '../features/discovery/listing-recommendations';
import { useRecordView } from '../features/discovery/use-record-view';
import { SaveButton } from '../features/wishlist/save-button';
import { AskSeller } from '../features/chat/ask-seller';
import { listingHead, listingName } from '../features/seo/head';
import { useHead } from '../features/seo/use-head';
import type { ListingView } from '../lib/api-types';
import { DeliveryWindow } from '../features/orders/delivery-window';
import { conditionLabel, money } from '../lib/format';
import { trpc } from '../trpc';
import { NotFoundPage } from './not-found-page';

function StockLine({ listing }: { listing: ListingView }) {
  if (listing.soldOut || listing.available <= 0) {
    return (
      <Badge color="dark" size="lg" variant="filled">
        Sold out
      </Badge>
    );
  }
  return (
    <Text size="sm" c={listing.available <= 2 ? 'orange' : 'dimmed'} fw={listing.available <= 2 ? 600 : 400}>
      {listing.available === 1 ? 'Only 1 left' : listing.available <= 2 ? `Only ${listing.available} left` : `${listing.available} available`}
    </Text>
  );
}

function BuyBox({ listing, liveChangedAt }: { listing: ListingView; liveChangedAt: number | null }) {
  const cart = useCart({ priced: false });
  const navigate = useNavigate();
  const [quantity, setQuantity] = useState(1);
  const [adding, setAdding] = useState(false);
  const soldOut = listing.soldOut || listing.available <= 0;
  const max = Math.max(1, Math.min(listing.available, 99));
  useEffect(() => setQuantity((q) => Math.min(q, max)), [max]);
  const inCart = cart.view?.lines.find((l) => l.listingId === listing.id)?.quantity;

  const add = async () => {
    setAdding(true);
    try {
      await cart.add(listing.id, quantity, listing.available);
      notifications.show({
        color: 'green',
        title: 'Added to cart',
        message: (
          <>
            {quantity} × {listing.title}.{' '}
            {/* Notifications render outside the router: navigate from here instead of a <Link>. */}
            <Anchor component="button" type="button" size="sm" onClick={() => void navigate('/cart')}>
              View cart
            </Anchor>
          </>
        ),
      });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Could not add to cart', message: errorMessage(error) });
    } finally {
      setAdding(false);
    }
  };

  return (
    <Paper withBorder radius="lg" p="lg">
      <Stack gap="md">
        <Group justify="space-between" align="flex-end">
          <Stack gap={0}>
            <Text fz={32} fw={750} lh={1.1} td={soldOut ? 'line-through' : undefined} c={soldOut ? 'dimmed' : undefined}>
              {money(listing.priceMinor, listing.currency)}
            </Text>
            <Text size="sm" c="dimmed">
              + {money(listing.shippingMinor, listing.currency)} shipping
            </Text>
          </Stack>
          <div aria-live="polite" key={liveChangedAt ?? 0}>
            <StockLine listing={listing} />
          </div>
        </Group>
        <Text size="sm">
          Arrives <strong>
            <DeliveryWindow earliest={listing.delivery.earliest} latest={listing.delivery.latest} />
          </strong> when ordered today
        </Text>
        {soldOut ? (
          <Alert variant="light" color="gray" title="Sold out">
            Someone else got this one. Search for another copy of {listingName(listing)}.
          </Alert>
        ) : (
          <NumberInput
            label="Quantity"
            min={1}
            max={max}
            value={quantity}
            onChange={(v) => setQuantity(Math.max(1, Math.min(max, Number(v) || 1)))}
            clampBehavior="strict"
            allowDecimal={false}
            allowNegative={false}
            w={120}
            description={max === 1 ? 'One copy available' : `Up to ${max}`}
          />
        )}
        <Button size="md" onClick={() => void add()} loading={adding} disabled={soldOut} fullWidth>
          Add to cart
        </Button>
        <SaveButton listingId={listing.id} title={listing.title} />
        <AskSeller listingId={listing.id} sellerId={listing.seller.id} sellerName={listing.seller.name} />
        {inCart ? (
          <Text size="sm" c="dimmed" ta="center">
            {inCart} already in <Anchor component={Link} to="/cart">your cart</Anchor>
          </Text>
        ) : null}
        <Divider />
        <Text size="sm" c="dimmed">
          Sold by{' '}
          <Anchor component={Link} to={`/s/${listing.seller.id}`} fw={700} inherit>
            {listing.seller.name}
          </Anchor>
          . Your payment is held in escrow until the record arrives.
        </Text>
      </Stack>
    </Paper>
  );
}

export function ListingPage() {
  const { slug = '' } = useParams();
  const listing = trpc.catalog.listing.useQuery({ slug }, { retryOnMount: false, retry: (n, error) => !isNotFoundError(error) && n < 2 });
  const live = useLiveListing(slug, listing.data?.id);
  useRecordView(listing.data?.id);
  useHead(listing.data ? listingHead(listing.data) : null);
  if (listing.isPending) return <LoadingState label="Loading listing…" rows={6} />;
  if (listing.isError) {
    if (isNotFoundError(listing.error)) return <NotFoundPage title="Listing not found" description="This listing does not exist or is no longer available." />;
    return <ErrorState title="Could not load this listing" error={listing.error} onRetry={() => void listing.refetch()} />;
  }
  const l = listing.data;
  const artist = typeof l.attributes.artist === 'string' ? l.attributes.artist : null;
  const facts: [string, string][] = [
    ['Artist', artist ?? '—'],
    ['Format', String(l.attributes.format ?? '—')],
    ['Year', String(l.attributes.year ?? '—')],
    ['Condition', l.condition ? `${l.condition} · ${conditionLabel(l.condition)}` : 'Ungraded'],
    ['Category', l.category.name],
  ];
  return (
    <Stack gap="xl" py="lg">
      <Breadcrumbs separator="›" aria-label="Breadcrumb">
        <Anchor component={Link} to="/" size="sm">
          Home
        </Anchor>
        <Anchor component={Link} to={`/c/${l.category.slug}`} size="sm">
          {l.category.name}
        </Anchor>
        <Text size="sm" c="dimmed" lineClamp={1}>
          {l.title}
        </Text>
      </Breadcrumbs>
      <Grid gap={{ base: 'lg', md: 40 }}>
        <Grid.Col span={{ base: 12, sm: 6, md: 5 }}>
          <Gallery listing={l} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, md: 7 }}>
          <Stack gap="lg">
            <Stack gap={6}>
              {artist && !l.title.toLowerCase().includes(artist.toLowerCase()) && (
                <Text size="lg" c="dimmed" fw={500}>
                  {artist}
                </Text>
              )}
              <Title order={1} size="h1" lh={1.15}>
                {l.title}
              </Title>
              <Group gap={6}>
                {l.attributes.format ? <Badge variant="default">{String(l.attributes.format)}</Badge> : null}
                {l.attributes.year ? <Badge variant="default">{String(l.attributes.year)}</Badge> : null}
                {l.condition && <Badge variant="light">{`${l.condition} · ${conditionLabel(l.condition)}`}</Badge>}
              </Group>
            </Stack>
            <BuyBox listing={l} liveChangedAt={live.changedAt} />
          </Stack>
        </Grid.Col>
      </Grid>
      <Grid gap={{ base: 'lg', md: 40 }}>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="sm" component="section" aria-labelledby="about">
            <Title order={2} size="h3" id="about">
              About this record
            </Title>
            <Text style={{ whiteSpace: 'pre-line' }}>{l.description || 'The seller has not written a description yet.'}</Text>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Table variant="vertical" withTableBorder layout="fixed" aria-label="Details">
            <Table.Tbody>
              {facts.map(([k, v]) => (
                <Table.Tr key={k}>
                  <Table.Th w={120}>{k}</Table.Th>
                  <Table.Td>{v}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Grid.Col>
      </Grid>
      <ListingReviews listingId={l.id} seller={l.seller} />
      <ListingRecommendations listingId={l.id} />
    </Stack>
  );
}
