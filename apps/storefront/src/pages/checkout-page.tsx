// Checkout (/checkout, signed in): shipping address (saved or new), review by seller with the
// server's totals for that country, "Place order" (reserves stock; idempotent per attempt), then
// payment: the offline test-card form, Stripe's Payment Element, or a notice when payments are off.
import { Alert, Anchor, Button, Grid, Group, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { defaultTaxTable, shippingAddressSchema, shipsTo } from '@marketdesk/domain';
import { EmptyState, ErrorState, LoadingState, errorMessage } from '@marketdesk/ui';
import { errorCode } from '@marketdesk/ui/app';
import { TRPCClientError } from '@trpc/client';
import { lazy, Suspense, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { RequireAuth } from '../features/auth/require-auth';
import { CartLines, CartSummary, groupBySeller } from '../features/cart/cart-lines';
import { DEFAULT_COUNTRY, useCart } from '../features/cart/use-cart';
import { AddressForm, countryName, emptyAddress, type AddressDraft } from '../features/checkout/address-form';
import { PAY_KEY, START_KEY, attemptKey, endAttempt } from '../features/checkout/attempt-keys';
import { ReservationCountdown } from '../features/checkout/countdown';
import { TestCardForm, type TestCard } from '../features/checkout/test-card-form';
import { simpleHead } from '../features/seo/head';
import { useHead } from '../features/seo/use-head';
import type { RouterOutputs, SavedAddress } from '../lib/api-types';
import { money } from '../lib/format';
import { trpc } from '../trpc';

const StripePayment = lazy(() => import('../features/checkout/stripe-payment'));

type Started = RouterOutputs['checkout']['start'];
const STARTED_KEY = 'marketdesk-checkout-started';

function loadStarted(): Started | null {
  try {
    const saved = JSON.parse(sessionStorage.getItem(STARTED_KEY) ?? 'null') as Started | null;
    return saved && new Date(saved.expiresAt).getTime() > Date.now() ? saved : null;
  } catch {
    return null;
  }
}
function saveStarted(started: Started | null) {
  try {
    if (started) sessionStorage.setItem(STARTED_KEY, JSON.stringify(started));
    else sessionStorage.removeItem(STARTED_KEY);
  } catch {
    // no session storage: the page still works, a reload just starts over
  }
}

function details(error: unknown): { reason?: string } {
  return error instanceof TRPCClientError ? ((error.data as { details?: { reason?: string } } | undefined)?.details ?? {}) : {};
}

/** zod issues of a BAD_REQUEST under `address.*`, by field. */
function addressErrors(error: unknown): Record<string, string> {
  if (!(error instanceof TRPCClientError)) return {};
  const issues = (error.data as { zodIssues?: { path: (string | number)[]; message: string }[] | null } | undefined)?.zodIssues ?? [];
  const out: Record<string, string> = {};
  for (const issue of issues) if (issue.path[0] === 'address' && issue.path[1] !== undefined) out[String(issue.path[1])] ??= issue.message;
  return out;
}

function addressSummary(a: Pick<SavedAddress, 'name' | 'line1' | 'line2' | 'city' | 'postalCode' | 'country'>): string {
  return [a.name, a.line1, a.line2, `${a.postalCode} ${a.city}`, countryName(a.country)].filter(Boolean).join(', ');
}

function BackToCart({ children = 'Return to your cart' }: { children?: string }) {
  return (
    <Button component={Link} to="/cart" variant="default">
      {children}
    </Button>
  );
}

function PaymentsDisabled() {
  return (
    <Alert color="yellow" variant="light" title="Payments are not configured" role="alert">
      This server has no payment provider set up, so orders cannot be placed right now. Your cart is kept.
    </Alert>
  );
}

function DetailsStep({ onStarted }: { onStarted: (s: Started) => void }) {
  const addresses = trpc.addresses.list.useQuery();
  const mode = trpc.checkout.paymentMode.useQuery();
  const [choice, setChoice] = useState<string | null>(null);
  const [draft, setDraft] = useState<AddressDraft>(emptyAddress);
  const [save, setSave] = useState(true);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const utils = trpc.useUtils();

  const saved = addresses.data ?? [];
  const selected = choice ?? (saved.find((a) => a.isDefault) ?? saved[0])?.id ?? 'new';
  const savedChoice = saved.find((a) => a.id === selected);
  // Price for a country we ship to; an old saved address elsewhere is refused with its reason on "Place order".
  const wanted = savedChoice?.country ?? draft.country;
  const country = shipsTo(defaultTaxTable, wanted) ? wanted : DEFAULT_COUNTRY;
  const cart = useCart({ country });
  const start = trpc.checkout.start.useMutation();

  if (addresses.isPending || cart.isPending) return <LoadingState label="Loading checkout…" rows={5} />;
  if (addresses.isError) return <ErrorState error={addresses.error} onRetry={() => void addresses.refetch()} />;
  if (cart.error || !cart.view) return <ErrorState title="Could not load your cart" error={cart.error} onRetry={cart.refetch} />;
  const { lines, totals } = cart.view;
  if (lines.length === 0) {
    return <EmptyState title="Your cart is empty" description="Add a record to your cart before checking out." action={<Button component={Link} to="/search">Browse records</Button>} />;
  }
  const problems = lines.filter((l) => l.problem);
  const disabled = mode.data?.mode === 'disabled';

  const placeOrder = () => {
    let target: { addressId: string } | { address: AddressDraft; saveAddress: boolean };
    if (savedChoice) target = { addressId: savedChoice.id };
    else {
      const parsed = shippingAddressSchema.safeParse(draft);
      if (!parsed.success) {
        const errs: Record<string, string> = {};
        for (const issue of parsed.error.issues) errs[String(issue.path[0] ?? '')] ??= issue.message;
        setClientErrors(errs);
        return;
      }
      target = { address: draft, saveAddress: save };
    }
    setClientErrors({});
    const body = { ...target, lines: lines.map((l) => ({ listingId: l.listingId, quantity: l.quantity, priceMinor: l.listing.priceMinor })) };
    const idempotencyKey = attemptKey(START_KEY, body);
    start.mutate(
      { ...body, idempotencyKey },
      {
        onSuccess: (started) => {
          endAttempt(START_KEY);
          if ('address' in target && target.saveAddress) void utils.addresses.list.invalidate();
          onStarted(started);
        },
        onError: (error) => {
          // A refused request will not succeed by repeating it: the next attempt gets a new key.
          if (errorCode(error) !== null) endAttempt(START_KEY);
          if (errorCode(error) === 'CONFLICT' || errorCode(error) === 'NOT_FOUND') void utils.cart.get.invalidate();
        },
      },
    );
  };

  const serverAddressErrors = addressErrors(start.error);
  const errors = { ...serverAddressErrors, ...clientErrors };
  const code = errorCode(start.error);
  const reason = details(start.error).reason;

  return (
    <Grid gap="xl">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack gap="lg">
          <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="shipping">
            <Title order={2} size="h4" mb="md" id="shipping">
              1. Shipping address
            </Title>
            <Radio.Group value={selected} onChange={setChoice} aria-labelledby="shipping">
              <Stack gap="xs">
                {saved.map((a) => (
                  <Paper key={a.id} withBorder radius="md" p="sm">
                    <Radio value={a.id} label={addressSummary(a)} description={a.isDefault ? 'Default address' : undefined} />
                  </Paper>
                ))}
                {saved.length > 0 && (
                  <Paper withBorder radius="md" p="sm">
                    <Radio value="new" label="Use a new address" />
                  </Paper>
                )}
              </Stack>
            </Radio.Group>
            {selected === 'new' && (
              <Stack mt={saved.length ? 'md' : 0}>
                <AddressForm value={draft} onChange={setDraft} errors={errors} save={save} onSaveChange={setSave} />
              </Stack>
            )}
          </Paper>
          <Stack gap="sm" component="section" aria-labelledby="review">
            <Title order={2} size="h4" id="review">
              2. Review your order
            </Title>
            <CartLines groups={groupBySeller(lines, totals)} currency={totals?.currency ?? 'EUR'} />
          </Stack>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Paper withBorder radius="md" p="lg" pos="sticky" top={88}>
          <Stack gap="md">
            <Title order={2} size="h4">
              Order summary
            </Title>
            {totals && <CartSummary totals={totals} />}
            <Text size="xs" c="dimmed">
              Tax for delivery to {countryName(country)}. {totals && totals.orders.length > 1 ? `${totals.orders.length} sellers: one order and one parcel each, paid together.` : ''}
            </Text>
            {disabled && <PaymentsDisabled />}
            {problems.length > 0 && (
              <Alert color="orange" variant="light" title="Your cart needs attention" role="alert">
                Some items sold out or have fewer copies left. <Anchor component={Link} to="/cart">Fix your cart</Anchor> to continue.
              </Alert>
            )}
            {start.error && (code === 'CONFLICT' || code === 'NOT_FOUND') && (
              <Alert color="red" variant="light" role="alert" title={reason === 'PRICE_CHANGED' ? 'A price changed' : reason === 'SOLD_OUT' ? 'Sold out' : 'Could not place your order'}>
                <Stack gap="xs">
                  <Text size="sm">{start.error.message}</Text>
                  <Anchor component={Link} to="/cart" size="sm">
                    Review your cart
                  </Anchor>
                </Stack>
              </Alert>
            )}
            {start.error && code !== 'CONFLICT' && code !== 'NOT_FOUND' && Object.keys(serverAddressErrors).length === 0 && (
              <Alert color="red" variant="light" role="alert" title="Could not place your order">
                {errorMessage(start.error)}
              </Alert>
            )}
            <Button size="lg" onClick={placeOrder} loading={start.isPending} disabled={disabled || problems.length > 0 || !totals} fullWidth>
              Place order
            </Button>
            <Text size="xs" c="dimmed" ta="center">
              Placing the order holds your items for a few minutes while you pay.
            </Text>
          </Stack>
        </Paper>
      </Grid.Col>
    </Grid>
  );
}

function PayStep({ started, onDone }: { started: Started; onDone: () => void }) {
  const mode = trpc.checkout.paymentMode.useQuery();
  const utils = trpc.useUtils();
  const navigate = useNavigate();
  const [card, setCard] = useState<TestCard>('visa');
  const [declined, setDeclined] = useState<string | null>(null);
  const [expired, setExpired] = useState(false);
  const pay = trpc.checkout.payWithTestCard.useMutation();
  const amount = money(started.totalMinor, started.currency);
  const confirmation = `/orders/confirmation/${started.checkoutId}`;

  const onPay = () => {
    const input = { checkoutId: started.checkoutId, card };
    pay.mutate(
      { ...input, idempotencyKey: attemptKey(PAY_KEY, input) },
      {
        onSuccess: (outcome) => {
          endAttempt(PAY_KEY);
          onDone();
          void utils.cart.get.invalidate();
          if (outcome.status === 'paid') void navigate(confirmation, { replace: true });
          else setDeclined(outcome.message);
        },
        onError: (error) => {
          if (errorCode(error) !== null) endAttempt(PAY_KEY);
          if (errorCode(error) === 'CONFLICT') onDone();
        },
      },
    );
  };

  if (declined) {
    return (
      <Alert color="red" variant="light" title="Payment declined" role="alert">
        <Stack gap="sm">
          <Text size="sm">{declined}</Text>
          <Text size="sm">Nothing was charged and your items were released. You can check out again with another card.</Text>
          <Group>
            <BackToCart />
          </Group>
        </Stack>
      </Alert>
    );
  }
  const closed = errorCode(pay.error) === 'CONFLICT';
  return (
    <Grid gap="xl">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="payment">
          <Group justify="space-between" mb="md" wrap="wrap">
            <Title order={2} size="h4" id="payment">
              3. Payment
            </Title>
            <ReservationCountdown expiresAt={started.expiresAt} onExpired={() => setExpired(true)} />
          </Group>
          {expired ? (
            <Alert color="orange" variant="light" title="Your reservation expired" role="alert">
              <Stack gap="sm">
                <Text size="sm">The items were released so other buyers could have them. Check out again to pay.</Text>
                <Group>
                  <BackToCart />
                </Group>
              </Stack>
            </Alert>
          ) : mode.isPending ? (
            <LoadingState label="Loading payment…" rows={3} />
          ) : mode.isError ? (
            <ErrorState error={mode.error} onRetry={() => void mode.refetch()} />
          ) : mode.data.mode === 'disabled' ? (
            <PaymentsDisabled />
          ) : mode.data.mode === 'test_card' ? (
            <Stack>
              {pay.error && (
                <Alert color="red" variant="light" title={closed ? 'This checkout is closed' : 'Payment failed'} role="alert">
                  <Stack gap="xs">
                    <Text size="sm">{errorMessage(pay.error)}</Text>
                    {closed && (
                      <Anchor component={Link} to="/cart" size="sm">
                        Return to your cart
                      </Anchor>
                    )}
                  </Stack>
                </Alert>
              )}
              <TestCardForm card={card} onCard={setCard} amount={amount} paying={pay.isPending} disabled={closed} onPay={onPay} />
            </Stack>
          ) : mode.data.publishableKey ? (
            <Suspense fallback={<LoadingState label="Loading the card form…" rows={3} />}>
              <StripePayment publishableKey={mode.data.publishableKey} clientSecret={started.clientSecret} amount={amount} returnUrl={`${window.location.origin}${confirmation}`} />
            </Suspense>
          ) : (
            <PaymentsDisabled />
          )}
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Paper withBorder radius="md" p="lg">
          <Stack gap="xs">
            <Title order={2} size="h4">
              {started.orders.length > 1 ? `${started.orders.length} orders, one payment` : 'Your order'}
            </Title>
            {started.orders.map((o) => (
              <Group key={o.id} justify="space-between">
                <Text size="sm">Order {o.number}</Text>
                <Text size="sm">{money(o.totalMinor, started.currency)}</Text>
              </Group>
            ))}
            <Group justify="space-between" mt="xs">
              <Text fw={700}>Total</Text>
              <Text fw={700} size="lg">
                {amount}
              </Text>
            </Group>
          </Stack>
        </Paper>
      </Grid.Col>
    </Grid>
  );
}

function Checkout() {
  const [started, setStarted] = useState<Started | null>(null);
  useEffect(() => setStarted(loadStarted()), []);
  const onStarted = (s: Started) => {
    saveStarted(s);
    setStarted(s);
  };
  return started ? <PayStep started={started} onDone={() => saveStarted(null)} /> : <DetailsStep onStarted={onStarted} />;
}

export function CheckoutPage() {
  useHead(simpleHead('Checkout', '/checkout', undefined, 'noindex'));
  return (
    <Stack gap="lg" py="lg">
      <Title order={1} size="h2">
        Checkout
      </Title>
      <RequireAuth>{() => <Checkout />}</RequireAuth>
    </Stack>
  );
}
