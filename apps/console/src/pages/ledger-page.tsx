// The admin ledger explorer: reconciliation with the payment provider, every transfer (why money
// moved, its postings, its order) and every account with its balances.
import { Stack } from '@mantine/core';
import { PageHeader } from '@marketdesk/ui';
import { AccountsCard } from '../features/ledger/accounts-card';
import { ReconciliationCard } from '../features/ledger/reconciliation-card';
import { TransfersCard } from '../features/ledger/transfers-card';

export function LedgerPage() {
  return (
    <>
      <PageHeader title="Ledger" description="The books: transfers with their postings, account balances, and reconciliation with the payment provider." />
      <Stack gap="lg">
        <ReconciliationCard />
        <TransfersCard />
        <AccountsCard />
      </Stack>
    </>
  );
}
