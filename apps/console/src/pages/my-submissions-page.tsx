// A seller's submissions: the form to send records for a quote, and every submission with its
// live status (events on the seller's room, held by the shell); an offer waiting is called out.
import { Anchor, Badge, Stack, Table, Text } from '@mantine/core';
import { submissionSellerWording } from '@marketdesk/domain';
import { EmptyState, ErrorState, LoadingState, PageHeader, formatMoney, formatRelativeTime, useNow } from '@marketdesk/ui';
import { Link } from 'react-router';
import { useMe } from '../features/auth/use-session';
import { useFreshIds } from '../features/live/use-fresh-ids';
import { useLiveRefetch } from '../features/live/use-live-refetch';
import { useLiveEvents } from '@marketdesk/ui/app';
import { SubmissionForm } from '../features/submissions/submission-form';
import { countdownText, sellerStateColors } from '../features/submissions/submission-format';
import { trpc } from '../trpc';

export function isMySubmissionEvent(event: { name: string; payload: unknown }, sellerId: string | undefined): string | null {
  if (!sellerId || !event.name.startsWith('submission.')) return null;
  const p = event.payload as { sellerId?: string; submissionId?: string };
  return p.sellerId === sellerId && p.submissionId ? p.submissionId : null;
}

export function MySubmissionsPage() {
  const me = useMe();
  const myId = me.data?.id;
  const list = trpc.submissions.mine.useQuery({ limit: 50 });
  const { fresh, mark } = useFreshIds();
  const now = useNow(1_000);
  useLiveRefetch((event) => isMySubmissionEvent(event, myId) !== null, list);
  useLiveEvents((event) => {
    const id = isMySubmissionEvent(event, myId);
    if (id) mark(id);
  });

  let body;
  if (list.isPending) body = <LoadingState label="Loading your submissions…" />;
  else if (list.isError) body = <ErrorState title="Could not load your submissions" error={list.error} onRetry={() => void list.refetch()} />;
  else if (list.data.length === 0) body = <EmptyState title="No submissions yet" description="Send us records with the form above; they appear here with their status." />;
  else
    body = (
      <Table.ScrollContainer minWidth={620}>
        <Table verticalSpacing="sm" aria-label="My submissions" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Records</Table.Th>
              <Table.Th>Sent</Table.Th>
              <Table.Th ta="right">Value</Table.Th>
              <Table.Th>Status</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((s) => {
              const first = s.items[0];
              const amount = s.agreedMinor ?? s.counterMinor ?? s.quoteMinor ?? s.indicativeMinor;
              // The countdown runs while the seller may still accept (the offer's actions say so).
              const left = s.quoteExpiresAt && s.actions.some((a) => a.command === 'accept') ? countdownText(new Date(s.quoteExpiresAt).getTime(), now.getTime()) : null;
              return (
                <Table.Tr key={s.id} bg={fresh.has(s.id) ? 'var(--mantine-primary-color-light)' : undefined} style={{ transition: 'background-color 1.5s ease' }}>
                  <Table.Td>
                    <Anchor component={Link} to={`/submissions/${s.id}`} fw={600} size="sm">
                      {first ? `${first.artist} – ${first.title}` : 'Submission'}
                      {s.items.length > 1 ? ` + ${s.items.length - 1} more` : ''}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatRelativeTime(s.createdAt, now)}</Text>
                  </Table.Td>
                  <Table.Td ta="right">{formatMoney({ amountMinor: amount, currency: s.currency })}</Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      <Badge variant="light" color={sellerStateColors[s.state]}>
                        {submissionSellerWording[s.state].label}
                      </Badge>
                      {left && (
                        <Text size="xs" c="orange">
                          {left}
                        </Text>
                      )}
                      {s.actions.some((a) => a.command === 'provide_info') && (
                        <Text size="xs" c="blue">
                          We asked you a question
                        </Text>
                      )}
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );

  return (
    <>
      <PageHeader title="My submissions" description="Records you offered us, with live status. Offers wait for your answer until they expire." />
      <Stack gap="lg">
        <SubmissionForm onCreated={() => void list.refetch()} />
        <section aria-label="Your submissions">{body}</section>
      </Stack>
    </>
  );
}
