// A listing on a shelf (home, search, category): cover, title, artist and format, condition,
// price, seller, and "Sold out" when it is. The whole card is one link (a transparent layer over
// it, since links cannot nest) with the seller's name above that layer linking to their page.
import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { ListingCardData } from '../../lib/api-types';
import { conditionLabel, money } from '../../lib/format';
import { listingName } from '../seo/head';
import { RecordCover } from './record-cover';

export function ListingCard({ listing, priority = false }: { listing: ListingCardData; priority?: boolean }) {
  const artistInTitle = listing.artist ? listing.title.toLowerCase().includes(listing.artist.toLowerCase()) : true;
  const byline = [artistInTitle ? null : listing.artist, listing.format].filter(Boolean).join(' · ');
  const price = money(listing.priceMinor, listing.currency);
  return (
    <Card withBorder radius="md" padding="sm" h="100%" pos="relative">
      <Anchor
        component={Link}
        to={`/l/${listing.slug}`}
        aria-label={`${listingName(listing)}, ${price}${listing.soldOut ? ', sold out' : ''}`}
        pos="absolute"
        inset={0}
        style={{ zIndex: 1, borderRadius: 'inherit' }}
      />
      <Card.Section p="sm" pb={0} pos="relative">
        <RecordCover imageUrl={listing.imageUrl} name={listing.artist ?? listing.title} alt={listing.title} priority={priority} />
        {listing.soldOut && (
          <Badge pos="absolute" top={20} left={20} color="dark" variant="filled">
            Sold out
          </Badge>
        )}
      </Card.Section>
      <Stack gap={4} mt="sm" style={{ flex: 1 }}>
        <Text fw={600} lineClamp={2} lh={1.3}>
          {listing.title}
        </Text>
        {byline && (
          <Text size="sm" c="dimmed" lineClamp={1}>
            {byline}
          </Text>
        )}
        <Group justify="space-between" align="center" mt="auto" pt={4} wrap="nowrap">
          <Text fw={700} size="lg" style={{ minWidth: 0 }} truncate c={listing.soldOut ? 'dimmed' : undefined} td={listing.soldOut ? 'line-through' : undefined}>
            {price}
          </Text>
          {listing.condition && (
            <Badge variant="light" title={conditionLabel(listing.condition)} style={{ flexShrink: 0, overflow: 'visible' }}>
              {listing.condition}
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed" lineClamp={1}>
          Sold by{' '}
          <Anchor component={Link} to={`/s/${listing.seller.id}`} inherit c="dimmed" underline="always" pos="relative" style={{ zIndex: 2 }}>
            {listing.seller.name}
          </Anchor>
        </Text>
      </Stack>
    </Card>
  );
}

export type GridColumns = Partial<Record<'base' | 'xs' | 'sm' | 'md' | 'lg' | 'xl', number>>;
export const fullWidthColumns: GridColumns = { base: 2, sm: 3, md: 4 };

export function ListingGrid({ listings, label, cols = fullWidthColumns }: { listings: ListingCardData[]; label: string; cols?: GridColumns }) {
  return (
    <SimpleGrid component="ul" cols={cols} spacing={{ base: 'sm', sm: 'md' }} aria-label={label} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {listings.map((listing, i) => (
        <li key={listing.id}>
          <ListingCard listing={listing} priority={i < 4} />
        </li>
      ))}
    </SimpleGrid>
  );
}
