// The seller's listings as a table: what it is, what it costs, how many are left, where it stands
// in review, and the actions the API offers the seller for it now (the listing machine under their
// grants, labelled by the machine).
import { Badge, Box, Button, Group, Image, Table, Text, VisuallyHidden } from '@mantine/core';
import type { ListingState } from '@marketdesk/domain';
import { formatDateTime, formatMoney, formatRelativeTime, toIsoString } from '@marketdesk/ui';
import { Link } from 'react-router';
import type { RouterOutputs } from '../../trpc';
import { canEditListing, listingStateColors } from './listing-states';

export type MyListing = RouterOutputs['listings']['mine'][number];
export type ListingAction = MyListing['actions'][number];
export type SellerCommand = ListingAction['command'];

export interface MyListingsTableProps {
  listings: MyListing[];
  now: Date;
  freshIds?: ReadonlySet<string>;
  /** The command in flight, so only its button spins. */
  pending?: { id: string; command: SellerCommand } | null;
  onCommand: (listing: MyListing, action: ListingAction) => void;
}

export function ListingThumb({ src, size = 48 }: { src: string | undefined; size?: number }) {
  if (!src) {
    return (
      <Box w={size} h={size} bg="var(--mantine-color-default-hover)" style={{ borderRadius: 'var(--mantine-radius-sm)', display: 'grid', placeItems: 'center' }}>
        <Text size="xs" c="dimmed" aria-hidden>
          —
        </Text>
      </Box>
    );
  }
  return <Image src={src} alt="" w={size} h={size} radius="sm" fit="cover" />;
}

/** The state as the API labelled it (the listing machine's label), in its colour. */
export function ListingStateBadge({ listing }: { listing: { state: string; stateLabel: string } }) {
  return (
    <Badge variant="light" color={listingStateColors[listing.state as ListingState] ?? 'gray'}>
      {listing.stateLabel}
    </Badge>
  );
}

export function MyListingsTable({ listings, now, freshIds, pending, onCommand }: MyListingsTableProps) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="sm" highlightOnHover aria-label="My listings">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={64}>
              <VisuallyHidden>Photo</VisuallyHidden>
            </Table.Th>
            <Table.Th>Title</Table.Th>
            <Table.Th ta="right">Price</Table.Th>
            <Table.Th ta="right">Stock</Table.Th>
            <Table.Th>State</Table.Th>
            <Table.Th>Updated</Table.Th>
            <Table.Th>Actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {listings.map((l) => {
            const state = l.state as ListingState;
            const fresh = freshIds?.has(l.id) ?? false;
            return (
              <Table.Tr key={l.id} data-fresh={fresh || undefined} bg={fresh ? 'var(--mantine-primary-color-light)' : undefined} style={{ transition: 'background-color 1.5s ease' }}>
                <Table.Td>
                  <ListingThumb src={l.images[0]?.thumbUrl} />
                </Table.Td>
                <Table.Td>
                  <Text fw={500} size="sm" lineClamp={2}>
                    {l.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {l.category.name}
                  </Text>
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {formatMoney({ amountMinor: l.priceMinor, currency: l.currency })}
                </Table.Td>
                <Table.Td ta="right">{l.available}</Table.Td>
                <Table.Td>
                  <ListingStateBadge listing={l} />
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm" title={formatDateTime(l.updatedAt)}>
                    <time dateTime={toIsoString(l.updatedAt)}>{formatRelativeTime(l.updatedAt, now)}</time>
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    {canEditListing(state) && (
                      <Button component={Link} to={`/listings/${l.id}/edit`} size="compact-sm" variant="default" aria-label={`Edit ${l.title}`}>
                        Edit
                      </Button>
                    )}
                    {l.actions.map((action) => (
                      <Button
                        key={action.command}
                        size="compact-sm"
                        variant={action.command === 'archive' ? 'subtle' : 'light'}
                        color={action.command === 'archive' ? 'red' : undefined}
                        loading={pending?.id === l.id && pending.command === action.command}
                        disabled={pending?.id === l.id && pending.command !== action.command}
                        onClick={() => onCommand(l, action)}
                      >
                        {action.label}
                      </Button>
                    ))}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
