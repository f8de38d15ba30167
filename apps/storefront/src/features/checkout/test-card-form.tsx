// The offline payment form (demo and tests): pick a test card; the server confirms it with the
// local Stripe-compatible provider. Nothing here is a real card.
import { Alert, Button, Paper, Radio, Stack, Text } from '@mantine/core';

export const testCards = [
  { value: 'visa', label: 'Visa 4242 4242 4242 4242 (succeeds)' },
  { value: 'declined', label: 'Declined card' },
  { value: 'insufficient_funds', label: 'Insufficient funds' },
  { value: 'expired', label: 'Expired card' },
] as const;
export type TestCard = (typeof testCards)[number]['value'];

export interface TestCardFormProps {
  card: TestCard;
  onCard: (card: TestCard) => void;
  amount: string;
  paying: boolean;
  disabled: boolean;
  onPay: () => void;
}

export function TestCardForm({ card, onCard, amount, paying, disabled, onPay }: TestCardFormProps) {
  return (
    <Stack gap="md">
      <Alert variant="light" color="blue" title="Test payments">
        This store runs against a test payment provider: no real card is charged. Pick how the payment should go.
      </Alert>
      <Radio.Group label="Test card" value={card} onChange={(v) => onCard(v as TestCard)}>
        <Stack gap="xs" mt="xs">
          {testCards.map((c) => (
            <Paper key={c.value} withBorder radius="md" p="sm">
              <Radio value={c.value} label={c.label} />
            </Paper>
          ))}
        </Stack>
      </Radio.Group>
      <Button size="lg" onClick={onPay} loading={paying} disabled={disabled} fullWidth>
        Pay {amount}
      </Button>
      <Text size="xs" c="dimmed" ta="center">
        Your payment is held in escrow and released to the seller when your order arrives.
      </Text>
    </Stack>
  );
}
