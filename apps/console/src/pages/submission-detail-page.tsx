// One of a seller's submissions, live: its status and what happens next, each record with our
// offer, and the seller's answers — accept the offer, decline it, or counter within the limits
// (per item between our offer and the original asking price) before the countdown ends — and the
// answer to a request for information. Answers carry the version the seller saw (CONFLICT if it
// moved on: the message says what happened and the page shows the latest).
import { Alert, Badge, Button, Group, Modal, NumberInput, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { checkSellerCounter } from '@marketdesk/domain';
import { ErrorState, LoadingState, PageHeader, formatDateTime, formatMoney, useNow } from '@marketdesk/ui';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMe } from '../features/auth/use-session';
import { useLiveRefetch } from '../features/live/use-live-refetch';
import { countdownText, formatLabels, parsePriceMinor, sellerState } from '../features/submissions/submission-format';
import { errorCode, trpc, type RouterOutputs } from '../trpc';
import { isMySubmissionEvent } from './my-submissions-page';

type SellerSubmission = RouterOutputs['submissions']['get'];

function CounterForm({ s, onClose }: { s: SellerSubmission; onClose: () => void }) {
  const utils = trpc.useUtils();
  const lines = s.items.filter((i) => !i.declined);
  const [prices, setPrices] = useState<Record<string, string | number>>(() => Object.fromEntries(lines.map((i) => [i.id, i.offerMinor / 100])));
  const [problem, setProblem] = useState<{ itemId: string | null; message: string } | null>(null);
  const respond = trpc.submissions.respond.useMutation({
    onSuccess: () => {
      notifications.show({ color: 'green', title: 'Counter-offer sent', message: 'Our team will answer it soon.' });
      void utils.submissions.get.invalidate({ id: s.id });
      onClose();
    },
  });
  const money = (m: number) => formatMoney({ amountMinor: m, currency: s.currency });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const counter: { itemId: string; counterMinor: number }[] = [];
    for (const i of lines) {
      const minor = parsePriceMinor(prices[i.id] ?? '');
      if (minor === null) return setProblem({ itemId: i.id, message: 'Enter a price' });
      counter.push({ itemId: i.id, counterMinor: minor });
    }
    const check = checkSellerCounter(lines.map((i) => ({ itemId: i.id, offerMinor: i.offerMinor, askingMinor: i.askingMinor })), counter, s.counterRounds);
    if (!check.ok) return setProblem({ itemId: check.itemId, message: check.message });
    setProblem(null);
    respond.mutate({ submissionId: s.id, version: s.version, response: 'counter', items: counter });
  };
  return (
    <Modal opened onClose={onClose} title="Counter-offer">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">
            Ask for more on any record: at least our offer, at most what you first asked. {s.counterRoundsLeft === 1 ? 'This is your last counter-offer.' : `You have ${s.counterRoundsLeft} counter-offers left.`}
          </Text>
          {lines.map((i, n) => (
            <NumberInput
              key={i.id}
              label={`${i.artist} – ${i.title}`}
              description={`Our offer ${money(i.offerMinor)} · you asked ${money(i.askingMinor)}`}
              min={0}
              decimalScale={2}
              hideControls
              value={prices[i.id]}
              onChange={(v) => setPrices((p) => ({ ...p, [i.id]: v }))}
              error={problem?.itemId === i.id ? problem.message : undefined}
              data-autofocus={n === 0 || undefined}
            />
          ))}
          {problem && problem.itemId === null && (
            <Text size="sm" c="red" role="alert">
              {problem.message}
            </Text>
          )}
          {respond.error && (
            <Text size="sm" c="red" role="alert">
              {respond.error.message}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={respond.isPending}>
              Send counter-offer
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function OfferActions({ s, nowMs }: { s: SellerSubmission; nowMs: number }) {
  const utils = trpc.useUtils();
  const [countering, setCountering] = useState(false);
  const [declining, setDeclining] = useState(false);
  const respond = trpc.submissions.respond.useMutation({
    onSuccess: (res, input) => {
      notifications.show(input.response === 'accept' ? { color: 'green', title: 'Offer accepted', message: 'We bought your records; the agreed price is on your balance.' } : { color: 'gray', title: 'Offer declined', message: 'The submission is withdrawn.' });
      setDeclining(false);
      void utils.submissions.get.invalidate({ id: s.id });
      void utils.submissions.mine.invalidate();
      return res;
    },
    onError: () => {
      setDeclining(false);
      void utils.submissions.get.invalidate({ id: s.id });
    },
  });
  const left = s.quoteExpiresAt ? countdownText(new Date(s.quoteExpiresAt).getTime(), nowMs) : null;
  const open = s.state === 'quoted' && !!left;
  if (s.state !== 'quoted') return null;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="Our offer">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            Our offer: {formatMoney({ amountMinor: s.quoteMinor ?? 0, currency: s.currency })}
          </Title>
          <Badge color={open ? 'orange' : 'gray'} size="lg" variant="light" role="timer" aria-live="off">
            {left ?? 'Expired'}
          </Badge>
        </Group>
        {s.quoteExpiresAt && (
          <Text size="sm" c="dimmed">
            {open ? `Open until ${formatDateTime(s.quoteExpiresAt)}.` : `This offer expired at ${formatDateTime(s.quoteExpiresAt)}.`}
          </Text>
        )}
        {respond.error && (
          <Alert color={errorCode(respond.error) === 'CONFLICT' ? 'yellow' : 'red'} title={errorCode(respond.error) === 'CONFLICT' ? 'This offer changed' : 'Could not send your answer'}>
            {respond.error.message}
          </Alert>
        )}
        <Group gap="xs">
          <Button color="green" disabled={!open} loading={respond.isPending && respond.variables?.response === 'accept'} onClick={() => respond.mutate({ submissionId: s.id, version: s.version, response: 'accept' })}>
            Accept offer
          </Button>
          <Button variant="light" disabled={!open || s.counterRoundsLeft === 0} onClick={() => setCountering(true)}>
            Counter-offer
          </Button>
          <Button variant="default" color="red" disabled={respond.isPending} onClick={() => setDeclining(true)}>
            Decline
          </Button>
        </Group>
        {s.counterRoundsLeft === 0 && open && (
          <Text size="xs" c="dimmed">
            You have used all your counter-offers; accept or decline.
          </Text>
        )}
      </Stack>
      {countering && <CounterForm s={s} onClose={() => setCountering(false)} />}
      <Modal opened={declining} onClose={() => setDeclining(false)} title="Decline the offer?">
        <Stack>
          <Text size="sm">The submission is withdrawn and we will not buy these records.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeclining(false)}>
              Keep the offer
            </Button>
            <Button color="red" loading={respond.isPending} onClick={() => respond.mutate({ submissionId: s.id, version: s.version, response: 'decline' })}>
              Decline offer
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

function InfoAnswer({ s }: { s: SellerSubmission }) {
  const utils = trpc.useUtils();
  const [message, setMessage] = useState('');
  const answer = trpc.submissions.provideInfo.useMutation({
    onSuccess: () => {
      setMessage('');
      notifications.show({ color: 'green', title: 'Answer sent', message: 'Our team can see it now.' });
      void utils.submissions.get.invalidate({ id: s.id });
    },
  });
  if (!s.infoRequest) return null;
  if (s.infoResponse) {
    return (
      <Alert color="teal" title="You answered our question">
        <Text size="sm">We asked: {s.infoRequest}</Text>
        <Text size="sm">You said: {s.infoResponse}</Text>
      </Alert>
    );
  }
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="Our question">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (message.trim()) answer.mutate({ submissionId: s.id, message: message.trim() });
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h4">
            We have a question
          </Title>
          <Text size="sm">{s.infoRequest}</Text>
          <Textarea label="Your answer" value={message} onChange={(e) => setMessage(e.currentTarget.value)} maxLength={2000} autosize minRows={2} required error={answer.error?.message} />
          <Group justify="flex-end">
            <Button type="submit" loading={answer.isPending} disabled={!message.trim()}>
              Send answer
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

export function SubmissionDetailPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const submission = trpc.submissions.get.useQuery({ id });
  const now = useNow(1_000);
  useLiveRefetch((event) => isMySubmissionEvent(event, me.data?.id) === id, submission);

  if (submission.isPending) return <LoadingState label="Loading the submission…" />;
  if (submission.isError) return <ErrorState title="Could not load this submission" error={submission.error} onRetry={() => void submission.refetch()} />;
  const s = submission.data;
  const state = sellerState(s.state);
  const money = (m: number | null) => (m === null ? '—' : formatMoney({ amountMinor: m, currency: s.currency }));
  return (
    <>
      <PageHeader title="Submission" description={`Sent ${formatDateTime(s.createdAt)}`} />
      <Stack gap="md">
        <Group gap="sm">
          <Badge size="lg" variant="light" color={state.color}>
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
        <OfferActions s={s} nowMs={now.getTime()} />
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
