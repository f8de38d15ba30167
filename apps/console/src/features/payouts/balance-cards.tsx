// A seller's money at a glance: what is held in escrow for open orders, what can be withdrawn, what
// requested payouts reserve, what is on its way to the bank and what has arrived. "Available"
// lights up when it grows live (a buyer confirmed receipt and escrow was released).
import { Paper, SimpleGrid, Skeleton, Text } from '@mantine/core';
import { formatMoney } from '@marketdesk/ui';
import { useEffect, useRef } from 'react';
import { useFreshIds } from '../live/use-fresh-ids';

export interface Balance {
  currency: string;
  pendingMinor: number;
  availableMinor: number;
  reservedMinor: number;
  inTransitMinor: number;
  paidOutMinor: number;
}

const cards: { key: keyof Omit<Balance, 'currency'>; label: string; hint: string }[] = [
  { key: 'pendingMinor', label: 'Pending in escrow', hint: 'Paid orders not yet completed' },
  { key: 'availableMinor', label: 'Available', hint: 'Yours to withdraw' },
  { key: 'reservedMinor', label: 'Reserved by requests', hint: 'Payouts waiting for approval' },
  { key: 'inTransitMinor', label: 'In transit', hint: 'Approved, on the way to your bank' },
  { key: 'paidOutMinor', label: 'Paid out', hint: 'Arrived in your bank, all time' },
];

export function BalanceCards({ balance }: { balance: Balance | undefined }) {
  const { fresh, mark } = useFreshIds();
  const previous = useRef<Balance | undefined>(undefined);
  useEffect(() => {
    if (!balance) return;
    const before = previous.current;
    previous.current = balance;
    if (!before) return;
    for (const c of cards) if (balance[c.key] !== before[c.key]) mark(c.key);
  }, [balance, mark]);

  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3, xl: 5 }} spacing="md" mb="lg">
      {cards.map((c) => {
        const isFresh = fresh.has(c.key);
        return (
          <Paper
            key={c.key}
            withBorder
            radius="md"
            p="md"
            component="section"
            aria-label={c.label}
            data-fresh={isFresh || undefined}
            bg={isFresh ? 'var(--mantine-primary-color-light)' : undefined}
            style={{ transition: 'background-color 1.5s ease' }}
          >
            <Text size="sm" c="dimmed" fw={500}>
              {c.label}
            </Text>
            {balance ? (
              <Text fz={26} fw={700} lh={1.2} mt={4} c={c.key === 'availableMinor' ? 'var(--mantine-primary-color-filled)' : undefined}>
                {formatMoney({ amountMinor: balance[c.key], currency: balance.currency })}
              </Text>
            ) : (
              <Skeleton h={32} w={110} mt={4} />
            )}
            <Text size="xs" c="dimmed" mt={4}>
              {c.hint}
            </Text>
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}
