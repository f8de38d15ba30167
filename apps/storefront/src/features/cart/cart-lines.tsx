// Cart lines grouped by seller: one order (and one parcel) per seller, each with its own shipping
// and tax. Used by the cart (editable) and the checkout review (read-only).
import { ActionIcon, Alert, Anchor, Box, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { CartLineView, CartTotals } from '../../lib/api-types';
import { money, plural } from '../../lib/format';
import { RecordCover } from '../catalog/record-cover';

export interface SellerGroup {
  sellerId: string;
  sellerName: string;
  lines: CartLineView[];
  order: CartTotals['orders'][number] | null;
}

/** Lines by seller, in the order sellers first appear in the cart. */
export function groupBySeller(lines: CartLineView[], totals: CartTotals | null): SellerGroup[] {
  const groups = new Map<string, SellerGroup>();
  for (const line of lines) {
    const seller = line.listing.seller;
    const group = groups.get(seller.id) ?? { sellerId: seller.id, sellerName: seller.name, lines: [], order: totals?.orders.find((o) => o.sellerId === seller.id) ?? null };
    group.lines.push(line);
    groups.set(seller.id, group);
  }
  return [...groups.values()];
}

function Stepper({ line, onChange, disabled }: { line: CartLineView; onChange: (q: number) => void; disabled: boolean }) {
  const max = Math.max(line.listing.available, 1);
  const name = line.listing.title;
  return (
    <Group gap={4} wrap="nowrap" role="group" aria-label={`Quantity of ${name}`}>
      <ActionIcon variant="default" size="lg" aria-label={`Decrease quantity of ${name}`} onClick={() => onChange(line.quantity - 1)} disabled={disabled || line.quantity <= 1}>
        −
      </ActionIcon>
      <Text w={32} ta="center" fw={600} aria-live="polite" aria-label={`Quantity ${line.quantity}`}>
        {line.quantity}
      </Text>
      <ActionIcon variant="default" size="lg" aria-label={`Increase quantity of ${name}`} onClick={() => onChange(line.quantity + 1)} disabled={disabled || line.quantity >= max || line.listing.soldOut}>
        +
      </ActionIcon>
    </Group>
  );
}

export interface CartLinesProps {
  groups: SellerGroup[];
  currency: string;
  editable?: boolean;
  busy?: boolean;
  onQuantity?: (listingId: string, quantity: number) => void;
}

export function CartLines({ groups, currency, editable = false, busy = false, onQuantity }: CartLinesProps) {
  return (
    <Stack gap="md">
      {groups.map((group, i) => (
        <Paper key={group.sellerId} withBorder radius="md" p={{ base: 'sm', sm: 'md' }} component="section" aria-label={`Order from ${group.sellerName}`}>
          <Group justify="space-between" mb="sm">
            <Title order={2} size="h5">
              {groups.length > 1 ? `Parcel ${i + 1} of ${groups.length} · ` : ''}From {group.sellerName}
            </Title>
            <Text size="xs" c="dimmed">
              {plural(group.lines.reduce((n, l) => n + l.quantity, 0), 'item')}
            </Text>
          </Group>
          <Stack gap="sm">
            {group.lines.map((line) => (
              <Box key={line.listingId}>
                <Group wrap="nowrap" align="flex-start" gap="sm">
                  <Box w={72} style={{ flexShrink: 0 }}>
                    <RecordCover imageUrl={line.listing.imageUrl} name={line.listing.artist ?? line.listing.title} alt={line.listing.title} radius="sm" size="xs" />
                  </Box>
                  <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
                    <Group justify="space-between" wrap="nowrap" align="flex-start">
                      <Stack gap={0} style={{ minWidth: 0 }}>
                        <Anchor component={Link} to={`/l/${line.listing.slug}`} fw={600} lineClamp={2} c="var(--mantine-color-text)">
                          {line.listing.title}
                        </Anchor>
                        <Text size="sm" c="dimmed" lineClamp={1}>
                          {[line.listing.artist, line.listing.format, line.listing.condition].filter(Boolean).join(' · ')}
                        </Text>
                      </Stack>
                      <Text fw={600} style={{ whiteSpace: 'nowrap' }}>
                        {money(line.listing.priceMinor * line.quantity, line.listing.currency)}
                      </Text>
                    </Group>
                    <Group justify="space-between" wrap="wrap" gap="xs">
                      {editable && onQuantity ? (
                        <Group gap="sm">
                          <Stepper line={line} onChange={(q) => onQuantity(line.listingId, q)} disabled={busy} />
                          <Anchor component="button" type="button" size="sm" c="red" onClick={() => onQuantity(line.listingId, 0)} aria-label={`Remove ${line.listing.title}`} disabled={busy}>
                            Remove
                          </Anchor>
                        </Group>
                      ) : (
                        <Text size="sm">Qty {line.quantity}</Text>
                      )}
                      <Text size="xs" c="dimmed">
                        {money(line.listing.priceMinor, line.listing.currency)} each
                      </Text>
                    </Group>
                    {line.problem && (
                      <Alert color={line.problem === 'Sold out' ? 'red' : 'orange'} variant="light" p="xs" role="alert" title={line.problem}>
                        {line.problem === 'Sold out'
                          ? 'This record sold out. Remove it to check out.'
                          : line.problem.startsWith('Only')
                            ? `Lower the quantity to ${line.listing.available} to check out.`
                            : 'Remove it to check out.'}
                      </Alert>
                    )}
                  </Stack>
                </Group>
              </Box>
            ))}
          </Stack>
          {group.order && (
            <Stack gap={2} mt="md" pt="sm" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
              <SummaryRow label="Items" value={money(group.order.itemsMinor, currency)} small />
              <SummaryRow label="Shipping" value={money(group.order.shippingMinor, currency)} small />
              <SummaryRow label="Tax" value={money(group.order.taxMinor, currency)} small />
              <SummaryRow label="Order total" value={money(group.order.totalMinor, currency)} strong small />
            </Stack>
          )}
        </Paper>
      ))}
    </Stack>
  );
}

export function SummaryRow({ label, value, strong = false, small = false }: { label: string; value: string; strong?: boolean; small?: boolean }) {
  return (
    <Group justify="space-between" wrap="nowrap">
      <Text size={small ? 'sm' : 'md'} fw={strong ? 700 : 400} c={strong ? undefined : 'dimmed'}>
        {label}
      </Text>
      <Text size={small ? 'sm' : strong ? 'lg' : 'md'} fw={strong ? 700 : 500}>
        {value}
      </Text>
    </Group>
  );
}

export function CartSummary({ totals }: { totals: CartTotals }) {
  return (
    <Stack gap={6}>
      <SummaryRow label="Items" value={money(totals.itemsMinor, totals.currency)} />
      <SummaryRow label={totals.orders.length > 1 ? `Shipping (${totals.orders.length} parcels)` : 'Shipping'} value={money(totals.shippingMinor, totals.currency)} />
      <SummaryRow label={`Tax (${(totals.taxBasisPoints / 100).toLocaleString('en-GB')}% VAT)`} value={money(totals.taxMinor, totals.currency)} />
      <SummaryRow label="Total" value={money(totals.totalMinor, totals.currency)} strong />
    </Stack>
  );
}
