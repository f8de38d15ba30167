// "Request payout": an amount in euros between the platform minimum and what is available. The
// client checks the same limits as the API so most mistakes never leave the form; whatever the API
// still refuses (the balance moved meanwhile) shows on the field.
import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatMoney, minorToDecimalString } from '@marketdesk/ui';
import { type FormEvent, useState } from 'react';
import { trpc } from '../../trpc';
import { serverFieldError } from '../forms/server-errors';
import { checkPayoutAmount } from './payout-status';

export function RequestPayoutForm({ availableMinor, minimumMinor, currency, onRequested }: { availableMinor: number; minimumMinor: number; currency: string; onRequested: () => unknown }) {
  const [amount, setAmount] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const request = trpc.payouts.request.useMutation({
    onSuccess: (payout) => {
      notifications.show({ color: 'green', title: 'Payout requested', message: `${formatMoney({ amountMinor: payout.amountMinor, currency: payout.currency })} is reserved until an admin approves it.` });
      setAmount('');
      setSubmitted(false);
      void onRequested();
    },
  });
  const limits = { minimumMinor, availableMinor, currency };
  const check = checkPayoutAmount(amount, limits);
  const clientError = submitted && !check.ok ? check.message : undefined;
  const serverError = request.error ? (serverFieldError(request.error, 'amountMinor') ?? request.error.message) : undefined;
  const eur = (amountMinor: number) => formatMoney({ amountMinor, currency });
  const enough = availableMinor >= minimumMinor;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (!check.ok) return;
    request.mutate({ amountMinor: check.amountMinor, currency: 'EUR' });
  };

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-label="Request payout">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4">
            Request payout
          </Title>
          <Text size="sm" c="dimmed">
            {enough
              ? `Withdraw between ${eur(minimumMinor)} and ${eur(availableMinor)}. An admin approves it, then it reaches your bank in a few days.`
              : `Payouts start at ${eur(minimumMinor)}; you have ${eur(availableMinor)} available. Completed orders add to it.`}
          </Text>
          <Group align="flex-end" gap="sm" wrap="nowrap">
            <TextInput
              label="Amount (EUR)"
              leftSection="€"
              placeholder={minorToDecimalString(Math.max(minimumMinor, 0), 2)}
              inputMode="decimal"
              value={amount}
              onChange={(e) => {
                setAmount(e.currentTarget.value);
                if (request.error) request.reset();
              }}
              error={clientError ?? serverError}
              disabled={!enough}
              style={{ flex: 1 }}
              maw={260}
            />
            <Button variant="default" disabled={!enough} onClick={() => setAmount(minorToDecimalString(availableMinor, 2))} mb={clientError ?? serverError ? 22 : 0}>
              Use all
            </Button>
          </Group>
          <Group>
            <Button type="submit" loading={request.isPending} disabled={!enough}>
              Request payout
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
