// A seller's money: balances, a payout request, the payout history and the statement. Everything
// follows the seller room live (joined by the shell): when a buyer confirms receipt, escrow is
// released and "Available" grows on screen; payouts move through approval to paid by themselves.
import { Grid, Paper, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { EmptyState, ErrorState, LoadingState, PageHeader, useNow } from '@marketdesk/ui';
import { VerificationBanner } from '../features/kyc/verification-banner';
import { can, useMe } from '../features/auth/use-session';
import { useLiveRefetch } from '../features/live/use-live-refetch';
import { BalanceCards } from '../features/payouts/balance-cards';
import { PayoutHistory } from '../features/payouts/payout-history';
import { movesSellerMoney } from '../features/payouts/payout-status';
import { RequestPayoutForm } from '../features/payouts/request-payout-form';
import { StatementTable } from '../features/payouts/statement-table';
import { errorCode, trpc } from '../trpc';

export function PayoutsPage() {
  const me = useMe();
  const myId = me.data?.id;
  const mine = trpc.payouts.mine.useQuery({ limit: 50 });
  const now = useNow();
  useLiveRefetch((event) => movesSellerMoney(event, myId), mine);

  const cancel = trpc.payouts.cancel.useMutation({
    onSuccess: () => {
      notifications.show({ color: 'gray', title: 'Payout cancelled', message: 'The amount is back in your available balance.' });
      void mine.refetch();
    },
    onError: (error) => {
      const conflict = errorCode(error) === 'CONFLICT';
      notifications.show({ color: conflict ? 'yellow' : 'red', title: conflict ? 'This payout just changed' : 'Could not cancel the payout', message: error.message });
      void mine.refetch();
    },
  });

  let history;
  if (mine.isPending) history = <LoadingState label="Loading your payouts…" />;
  else if (mine.isError) history = <ErrorState title="Could not load your payouts" error={mine.error} onRetry={() => void mine.refetch()} />;
  else if (mine.data.payouts.length === 0) history = <EmptyState title="No payouts yet" description="Request one when your available balance reaches the minimum." />;
  else
    history = (
      <PayoutHistory
        payouts={mine.data.payouts}
        now={now}
        cancellingId={cancel.isPending ? (cancel.variables?.id ?? null) : null}
        onCancel={(p) => cancel.mutate({ id: p.id, version: p.version })}
      />
    );

  return (
    <>
      <PageHeader title="Payouts" description="Your earnings and withdrawals. Balances update live as orders complete and payouts settle." />
      <VerificationBanner what="Withdrawing" />
      <BalanceCards balance={mine.data?.balance} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 5 }}>
          {mine.data && can(me.data, 'payouts.request') && (
            <RequestPayoutForm
              availableMinor={mine.data.balance.availableMinor}
              minimumMinor={mine.data.minimumMinor}
              currency={mine.data.balance.currency}
              onRequested={mine.refetch}
            />
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Paper withBorder radius="md" p="lg" component="section" aria-label="Payout history">
            <Stack gap="sm">
              <Title order={2} size="h4">
                Payout history
              </Title>
              {history}
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={12}>
          <StatementTable sellerId={myId} />
        </Grid.Col>
      </Grid>
    </>
  );
}
