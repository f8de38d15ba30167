// Messages (/messages): the buyer's conversations (questions to sellers and order threads) with
// unread counts, and the selected one beside it (?thread=id), all live.
import { Grid, Stack } from '@mantine/core';
import { PageHeader } from '@marketdesk/ui';
import { ChatPanel, ThreadList, useMyThreads } from '@marketdesk/ui/chat';
import { useSearchParams } from 'react-router';
import { RequireAuth } from '../features/auth/require-auth';
import { simpleHead } from '../features/seo/head';
import { useHead } from '../features/seo/use-head';

function Conversations() {
  const threads = useMyThreads();
  const [params, setParams] = useSearchParams();
  const selected = params.get('thread') ?? threads.data?.[0]?.id ?? null;
  const current = threads.data?.find((t) => t.id === selected);
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 4 }}>
        <ThreadList
          label="Conversations"
          threads={threads.data}
          loading={threads.isPending}
          error={threads.error}
          onRetry={() => void threads.refetch()}
          selectedId={selected}
          onSelect={(t) => setParams({ thread: t.id }, { replace: true })}
          empty={{ title: 'No messages yet', description: 'Ask a seller about a record from its page, or message the seller of an order.' }}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8 }}>{selected && <ChatPanel key={selected} threadId={selected} title={current ? `${current.counterpart} · ${current.title}` : undefined} height={460} />}</Grid.Col>
    </Grid>
  );
}

export function MessagesPage() {
  useHead(simpleHead('Messages', '/messages', undefined, 'noindex'));
  return (
    <Stack py="lg">
      <PageHeader title="Messages" description="Your questions to sellers and your order conversations." />
      <RequireAuth>{() => <Conversations />}</RequireAuth>
    </Stack>
  );
}
