// Stripe's Payment Element, for servers with a real Stripe account (checkout.paymentMode says
// `payment_element`). Loaded lazily: Stripe.js is only fetched on this step. The offline demo and
// the tests use the test-card form instead, so this path is small and cannot run offline.
import { Alert, Button, Stack } from '@mantine/core';
import { Elements, PaymentElement, useElements, useStripe } from '@stripe/react-stripe-js';
import { loadStripe, type Stripe } from '@stripe/stripe-js';
import { type FormEvent, useState } from 'react';

const stripes = new Map<string, Promise<Stripe | null>>();
function stripeFor(publishableKey: string): Promise<Stripe | null> {
  let promise = stripes.get(publishableKey);
  if (!promise) {
    promise = loadStripe(publishableKey);
    stripes.set(publishableKey, promise);
  }
  return promise;
}

export interface StripePaymentProps {
  publishableKey: string;
  clientSecret: string;
  /** "€45.00", for the button. */
  amount: string;
  /** Where Stripe sends the buyer after a redirect-based method (the confirmation page). */
  returnUrl: string;
}

function PayForm({ amount, returnUrl }: Pick<StripePaymentProps, 'amount' | 'returnUrl'>) {
  const stripe = useStripe();
  const elements = useElements();
  const [error, setError] = useState<string | null>(null);
  const [paying, setPaying] = useState(false);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!stripe || !elements) return;
    setPaying(true);
    setError(null);
    // On success Stripe navigates to returnUrl; we only come back here with an error.
    const result = await stripe.confirmPayment({ elements, confirmParams: { return_url: returnUrl } });
    setError(result.error?.message ?? 'The payment could not be confirmed.');
    setPaying(false);
  };
  return (
    <form onSubmit={(e) => void onSubmit(e)}>
      <Stack>
        <PaymentElement />
        {error && (
          <Alert color="red" variant="light" role="alert" title="Payment failed">
            {error}
          </Alert>
        )}
        <Button type="submit" size="lg" loading={paying} disabled={!stripe || !elements} fullWidth>
          Pay {amount}
        </Button>
      </Stack>
    </form>
  );
}

export default function StripePayment({ publishableKey, clientSecret, amount, returnUrl }: StripePaymentProps) {
  return (
    <Elements stripe={stripeFor(publishableKey)} options={{ clientSecret, appearance: { theme: 'stripe' } }}>
      <PayForm amount={amount} returnUrl={returnUrl} />
    </Elements>
  );
}
