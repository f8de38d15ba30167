// One of a seller's submissions, live: its status in the seller's words and what happens next, each
// record with our offer, and the answers the API offers the seller now (features/submissions/
// seller-answers: accept, counter or withdraw, and answering our question).
import { Alert, Badge, Group, Stack, Table, Text } from '@mantine/core';
import { submissionSellerWording } from '@marketdesk/domain';
import { ErrorState, LoadingState, PageHeader, formatDateTime, formatMoney, useNow } from '@marketdesk/ui';
import { Link, useParams } from 'react-router';
import { useMe } from '../features/auth/use-session';
import { useLiveRefetch } from '../features/live/use-live-refetch';
import { InfoAnswer, SellerAnswers } from '../features/submissions/seller-answers';
import { formatLabels, sellerStateColors } from '../features/submissions/submission-format';
import { trpc } from '../trpc';
import { isMySubmissionEvent } from './my-submissions-page';

export function SubmissionDetailPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const submission = trpc.submissions.get.useQuery({ id });
  const now = useNow(1_000);
  useLiveRefetch((event) => isMySubmissionEvent(event, me.data?.id) === id, submission);

  if (submission.isPending) return <LoadingState label="Loading the submission…" />;
  if (submission.isError) return <ErrorState title="Could not load this submission" error={submission.error} onRetry={() => void submission.refetch()} />;
  const s = submission.data;
  const state = submissionSellerWording[s.state];
  const money = (m: number | null) => (m === null ? '—' : formatMoney({ amountMinor: m, currency: s.currency }));
  return (
    <>
      <PageHeader title="Submission" description={`Sent ${formatDateTime(s.createdAt)}`} />
      <Stack gap="md">
        <Group gap="sm">
          <Badge size="lg" variant="light" color={sellerStateColors[s.state]}>
            {state.label}
          </Badge>
          <Text size="sm">{state.next}</Text>
        </Group>
        {s.rejection && (
          <Alert color="red" title="Why we declined">
            {s.rejection.label}
            {s.rejection.note ? `: ${s.rejection.note}` : ''}
          </Alert>
        )}
        {s.purchase && (
          <Alert color="green" title={`We bought ${s.purchase.itemCount} record${s.purchase.itemCount === 1 ? '' : 's'} for ${money(s.purchase.amountMinor)}`}>
            <Text size="sm">
              Paid to your available balance on {formatDateTime(s.purchase.paidAt)}. Withdraw it whenever you like from <Link to="/payouts">Payouts</Link>.
            </Text>
          </Alert>
        )}
        <SellerAnswers s={s} nowMs={now.getTime()} />
        <InfoAnswer s={s} />
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="sm" aria-label="Records">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Record</Table.Th>
                <Table.Th>Grade</Table.Th>
                <Table.Th ta="right">You asked</Table.Th>
                <Table.Th ta="right">Indicative</Table.Th>
                <Table.Th ta="right">Offer</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.items.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {i.artist} – {i.title}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {formatLabels[i.format] ?? i.format}
                      {i.declined ? ' · below what we buy' : ''}
                      {i.bought ? ` · bought for ${money(i.boughtForMinor)}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>{i.grade}</Table.Td>
                  <Table.Td ta="right">{money(i.askingMinor)}</Table.Td>
                  <Table.Td ta="right">{money(i.indicativeOfferMinor)}</Table.Td>
                  <Table.Td ta="right">
                    {i.declined ? '—' : money(i.offerMinor)}
                    {i.counterMinor !== null && (
                      <Text size="xs" c="grape">
                        you asked {money(i.counterMinor)}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Text size="sm">
          Indicative quote {money(s.indicativeMinor)}
          {s.agreedMinor !== null ? ` · agreed ${money(s.agreedMinor)}` : ''}
        </Text>
        <Link to="/submissions">All my submissions</Link>
      </Stack>
    </>
  );
}
