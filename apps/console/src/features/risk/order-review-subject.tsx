// One held order in the order review drawer: the risk score and why, the buyer's history and any
// flags on them (flag or clear from here), and the order itself.
import { Badge, Button, Group, List, Progress, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ErrorState, formatDateTime, formatMoney, LoadingState } from '@marketdesk/ui';
import { useState } from 'react';
import { trpc } from '../../trpc';
import type { QueueRow } from '../queues/queue-rows';
import { useFollowRow } from '../queues/use-follow-row';

function FlagBuyer({ userId, onDone }: { userId: string; onDone: () => void }) {
  const [note, setNote] = useState('');
  const flag = trpc.risk.flag.useMutation({
    onSuccess: () => {
      setNote('');
      notifications.show({ color: 'orange', title: 'Buyer flagged', message: 'Their next checkouts score higher until the flag is cleared.' });
      onDone();
    },
  });
  return (
    <Group align="flex-end" gap="xs">
      <Textarea label="Flag this buyer" placeholder="Why, for the team" value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={1} maxLength={500} style={{ flex: 1 }} error={flag.error?.message} />
      <Button variant="default" color="orange" loading={flag.isPending} disabled={note.trim().length < 3} onClick={() => flag.mutate({ userId, note })}>
        Flag
      </Button>
    </Group>
  );
}

export function OrderReviewSubject({ row }: { row: QueueRow }) {
  const review = trpc.risk.review.useQuery({ orderId: row.subjectId });
  useFollowRow(row, review.refetch);
  const unflag = trpc.risk.unflag.useMutation({ onSuccess: () => void review.refetch() });
  if (review.isPending) return <LoadingState label="Loading the order…" />;
  if (review.isError) return <ErrorState title="Could not load the order" error={review.error} onRetry={() => void review.refetch()} />;
  const { order, risk, buyer } = review.data;
  const money = (m: number) => formatMoney({ amountMinor: m, currency: order.currency });
  return (
    <Stack gap="sm" aria-label="Order under review">
      <Group justify="space-between">
        <Title order={3} size="h5">
          Order {order.number} · {money(order.totalMinor)}
        </Title>
        <Badge variant="light" color={order.state === 'under_review' ? 'orange' : 'gray'} tt="none">
          {order.state.replace(/_/g, ' ')}
        </Badge>
      </Group>
      <Stack gap={4} aria-label="Risk score">
        <Group justify="space-between">
          <Text size="sm" fw={600}>
            Risk score {risk.score} / 100
          </Text>
          <Text size="xs" c="dimmed">
            ships to {order.country ?? '—'} · placed {formatDateTime(order.createdAt)}
          </Text>
        </Group>
        <Progress value={risk.score} color={risk.score >= 80 ? 'red' : risk.score >= 50 ? 'orange' : 'yellow'} />
        <List size="sm" spacing={2}>
          {risk.reasons.map((r) => (
            <List.Item key={r.code}>
              {r.detail} <Text span c="dimmed" size="xs">(+{r.points})</Text>
            </List.Item>
          ))}
        </List>
      </Stack>
      <Stack gap={4} aria-label="Buyer">
        <Text size="sm" fw={600}>
          Buyer: {buyer.name}
        </Text>
        <Text size="xs" c="dimmed">
          Member since {buyer.memberSince ? formatDateTime(buyer.memberSince) : '—'} · {buyer.paidCheckouts} earlier paid checkout{buyer.paidCheckouts === 1 ? '' : 's'} ({money(buyer.paidTotalMinor)})
        </Text>
        {buyer.flags.map((f) => (
          <Group key={f.id} gap="xs">
            <Badge color="orange" variant="light" tt="none">
              Flagged
            </Badge>
            <Text size="xs">
              “{f.note}” — {f.by}, {formatDateTime(f.at)}
            </Text>
            <Button size="compact-xs" variant="subtle" loading={unflag.isPending} onClick={() => unflag.mutate({ flagId: f.id })}>
              Clear
            </Button>
          </Group>
        ))}
        <FlagBuyer userId={buyer.id} onDone={() => void review.refetch()} />
      </Stack>
    </Stack>
  );
}
