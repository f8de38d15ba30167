// The cart: lines by seller with steppers, removal and per-line problems (sold out, only N left,
// which block checkout), per-seller and overall totals priced by the server.
import { Alert, Button, Grid, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { EmptyState, ErrorState, LoadingState, errorMessage } from '@marketdesk/ui';
import { Link } from 'react-router';
import { CartLines, CartSummary, groupBySeller } from '../features/cart/cart-lines';
import { useCart } from '../features/cart/use-cart';
import { simpleHead } from '../features/seo/head';
import { useHead } from '../features/seo/use-head';
import { plural } from '../lib/format';

export function CartPage() {
  useHead(simpleHead('Your cart', '/cart', undefined, 'noindex'));
  const cart = useCart();
  const title = (
    <Title order={1} size="h2">
      Your cart
    </Title>
  );
  if (cart.isPending) {
    return (
      <Stack py="lg">
        {title}
        <LoadingState label="Loading your cart…" rows={4} />
      </Stack>
    );
  }
  if (cart.error || !cart.view) {
    return (
      <Stack py="lg">
        {title}
        <ErrorState title="Could not load your cart" error={cart.error} onRetry={cart.refetch} />
      </Stack>
    );
  }
  const { lines, totals } = cart.view;
  if (lines.length === 0) {
    return (
      <Stack py="lg">
        {title}
        <EmptyState
          title="Your cart is empty"
          description="Find a record you love and add it here. Items from different sellers ship as separate parcels."
          action={
            <Button component={Link} to="/search">
              Browse records
            </Button>
          }
        />
      </Stack>
    );
  }
  const problems = lines.filter((l) => l.problem);
  const currency = totals?.currency ?? lines[0]!.listing.currency;
  const onQuantity = (listingId: string, quantity: number) => {
    cart.setQuantity(listingId, quantity).catch((error: unknown) => notifications.show({ color: 'red', title: 'Could not update your cart', message: errorMessage(error) }));
  };
  return (
    <Stack gap="lg" py="lg">
      {title}
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <div style={{ opacity: cart.isFetching ? 0.7 : 1, transition: 'opacity 150ms' }}>
            <CartLines groups={groupBySeller(lines, totals)} currency={currency} editable busy={cart.busy} onQuantity={onQuantity} />
          </div>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Paper withBorder radius="md" p="lg" pos="sticky" top={88}>
            <Stack gap="md">
              <Title order={2} size="h4">
                Summary
              </Title>
              {totals ? <CartSummary totals={totals} /> : <Text c="dimmed">Nothing in your cart can be bought right now.</Text>}
              <Text size="xs" c="dimmed">
                Priced for delivery to Germany; tax follows your address at checkout.
              </Text>
              {problems.length > 0 && (
                <Alert color="orange" variant="light" title="Fix your cart to check out">
                  {plural(problems.length, 'item')} {problems.length === 1 ? 'needs' : 'need'} your attention.
                </Alert>
              )}
              <Button component={Link} to="/checkout" size="md" disabled={problems.length > 0 || !totals} fullWidth>
                Proceed to checkout
              </Button>
            </Stack>
          </Paper>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
