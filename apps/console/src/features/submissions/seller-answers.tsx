// The seller's answers on one of their submissions — the submission's `actions`, decided by the API
// from the submission machine, the seller's grants and the answers' own rules (an offer past its
// time, counter rounds, accepted goods), labelled by the machine: accept the offer, counter it
// within the limits (per item between our offer and the original asking price), withdraw, and
// answer a question from our team. This renders those and derives none. Answers carry the version
// the seller saw (CONFLICT if it moved on: the message says what happened and the page refetches).
import { Alert, Badge, Button, Group, Modal, NumberInput, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { checkSellerCounter } from '@marketdesk/domain';
import { formatDateTime, formatMoney } from '@marketdesk/ui';
import { type FormEvent, useState } from 'react';
import { errorCode, trpc, type RouterOutputs } from '../../trpc';
import { countdownText, parsePriceMinor } from './submission-format';

export type SellerSubmission = RouterOutputs['submissions']['get'];
type SubmissionAction = SellerSubmission['actions'][number];

/** The offered action for `command`, if the API offered it. */
function offered(s: Pick<SellerSubmission, 'actions'>, command: SubmissionAction['command']): SubmissionAction | undefined {
  return s.actions.find((a) => a.command === command);
}

function CounterForm({ s, label, onClose }: { s: SellerSubmission; label: string; onClose: () => void }) {
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
    <Modal opened onClose={onClose} title={label}>
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

/** The offer on the table and its countdown, as information; what the seller may do is the actions below it. */
function OfferSummary({ s, nowMs }: { s: SellerSubmission; nowMs: number }) {
  const left = s.quoteExpiresAt ? countdownText(new Date(s.quoteExpiresAt).getTime(), nowMs) : null;
  return (
    <>
      <Group justify="space-between">
        <Title order={2} size="h4">
          Our offer: {formatMoney({ amountMinor: s.quoteMinor ?? 0, currency: s.currency })}
        </Title>
        <Badge color={left ? 'orange' : 'gray'} size="lg" variant="light" role="timer" aria-live="off">
          {left ?? 'Expired'}
        </Badge>
      </Group>
      {s.quoteExpiresAt && (
        <Text size="sm" c="dimmed">
          {left ? `Open until ${formatDateTime(s.quoteExpiresAt)}.` : `This offer expired at ${formatDateTime(s.quoteExpiresAt)}.`}
        </Text>
      )}
    </>
  );
}

/** Accept, counter and withdraw, as offered; on a quote, with the offer they answer. */
export function SellerAnswers({ s, nowMs }: { s: SellerSubmission; nowMs: number }) {
  const utils = trpc.useUtils();
  const [countering, setCountering] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const respond = trpc.submissions.respond.useMutation({
    onSuccess: (_res, input) => {
      notifications.show(input.response === 'accept' ? { color: 'green', title: 'Offer accepted', message: 'We bought your records; the agreed price is on your balance.' } : { color: 'gray', title: 'Submission withdrawn', message: 'We will not buy these records.' });
      setWithdrawing(false);
      void utils.submissions.get.invalidate({ id: s.id });
      void utils.submissions.mine.invalidate();
    },
    onError: () => {
      setWithdrawing(false);
      void utils.submissions.get.invalidate({ id: s.id });
    },
  });
  const accept = offered(s, 'accept');
  const counter = offered(s, 'counter');
  const withdraw = offered(s, 'withdraw');
  const quoted = s.state === 'quoted';
  if (!quoted && !accept && !counter && !withdraw) return null;
  const conflict = respond.error && errorCode(respond.error) === 'CONFLICT';
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={quoted ? 'Our offer' : 'Your submission'}>
      <Stack gap="sm">
        {quoted && <OfferSummary s={s} nowMs={nowMs} />}
        {respond.error && (
          <Alert color={conflict ? 'yellow' : 'red'} title={conflict ? 'This submission changed' : 'Could not send your answer'}>
            {respond.error.message}
          </Alert>
        )}
        <Group gap="xs">
          {accept && (
            <Button color="green" loading={respond.isPending && respond.variables?.response === 'accept'} onClick={() => respond.mutate({ submissionId: s.id, version: s.version, response: 'accept' })}>
              {accept.label}
            </Button>
          )}
          {counter && (
            <Button variant="light" onClick={() => setCountering(true)}>
              {counter.label}
            </Button>
          )}
          {withdraw && (
            <Button variant="default" color="red" disabled={respond.isPending} onClick={() => setWithdrawing(true)}>
              {withdraw.label}
            </Button>
          )}
        </Group>
        {accept && !counter && (
          <Text size="xs" c="dimmed">
            You have used all your counter-offers; accept or withdraw.
          </Text>
        )}
      </Stack>
      {countering && counter && <CounterForm s={s} label={counter.label} onClose={() => setCountering(false)} />}
      {withdraw && (
        <Modal opened={withdrawing} onClose={() => setWithdrawing(false)} title="Withdraw the submission?">
          <Stack>
            <Text size="sm">{quoted ? 'You decline our offer and we will not buy these records.' : 'We stop reviewing it and will not buy these records.'}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setWithdrawing(false)}>
                Keep it
              </Button>
              <Button color="red" loading={respond.isPending} onClick={() => respond.mutate({ submissionId: s.id, version: s.version, response: 'decline' })}>
                {withdraw.label}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </Paper>
  );
}

/** Our team's question and the seller's answer: the form when the actions offer answering it. */
export function InfoAnswer({ s }: { s: SellerSubmission }) {
  const utils = trpc.useUtils();
  const [message, setMessage] = useState('');
  const answer = trpc.submissions.provideInfo.useMutation({
    onSuccess: () => {
      setMessage('');
      notifications.show({ color: 'green', title: 'Answer sent', message: 'Our team can see it now.' });
      void utils.submissions.get.invalidate({ id: s.id });
    },
  });
  const provide = offered(s, 'provide_info');
  if (s.infoRequest && s.infoResponse) {
    return (
      <Alert color="teal" title="You answered our question">
        <Text size="sm">We asked: {s.infoRequest}</Text>
        <Text size="sm">You said: {s.infoResponse}</Text>
      </Alert>
    );
  }
  if (!provide) return null;
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
              {provide.label}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
