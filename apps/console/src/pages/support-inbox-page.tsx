// Support inbox (/support/inbox): order conversations an agent joined (live unread counts) or may
// join, the selected one beside them, reported messages, and the canned replies admins edit.
// Agents appear to buyers and sellers as "Support". Live without polling: a new conversation or a
// message in one nobody joined arrives through the staff room support:inbox, and is highlighted.
import { Button, Grid, Group, SegmentedControl, Stack, Tabs, Text } from '@mantine/core';
import { PageHeader } from '@marketdesk/ui';
import { ThreadList, useSupportInbox } from '@marketdesk/ui/chat';
import { useLiveEvents } from '@marketdesk/ui/app';
import { useCallback, useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { ChatPanel } from '../features/chat/chat-panel';
import { CannedRepliesEditor } from '../features/chat/canned-replies-editor';
import { ReportedMessages } from '../features/chat/reported-messages';
import { useFreshIds } from '../features/live/use-fresh-ids';
import { trpc } from '../trpc';

function JoinBar({ threadId, joined }: { threadId: string; joined: boolean }) {
  const utils = trpc.useUtils();
  const join = trpc.chat.join.useMutation({ onSuccess: () => void Promise.all([utils.chat.supportInbox.invalidate(), utils.chat.history.invalidate({ threadId })]) });
  if (joined) return null;
  return (
    <Group justify="space-between" mb="xs">
      <Text size="sm" c="dimmed">
        You are reading as Support. Join to follow this conversation (or just reply).
      </Text>
      <Button size="xs" onClick={() => join.mutate({ threadId })} loading={join.isPending}>
        Join conversation
      </Button>
    </Group>
  );
}

function Inbox() {
  const [params, setParams] = useSearchParams();
  const joinedOnly = params.get('show') !== 'all';
  const inbox = useSupportInbox(joinedOnly);
  const { fresh, mark } = useFreshIds();
  useLiveEvents((event) => {
    if (event.name === 'chat.inbox.updated') mark(event.payload.threadId);
  });
  const selected = params.get('thread') ?? inbox.data?.[0]?.id ?? null;
  const current = inbox.data?.find((t) => t.id === selected);
  const set = useCallback(
    (changes: Record<string, string | null>) => {
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [k, v] of Object.entries(changes)) {
            if (v === null) next.delete(k);
            else next.set(k, v);
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  // The conversation open by default is the newest when the list loads; pinning it keeps a live
  // update that moves another conversation to the top from switching what the agent is reading.
  const firstId = inbox.data?.[0]?.id;
  const explicit = params.has('thread');
  useEffect(() => {
    if (!explicit && firstId) set({ thread: firstId });
  }, [explicit, firstId, set]);
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Stack gap="sm">
          <SegmentedControl
            aria-label="Show"
            value={joinedOnly ? 'joined' : 'all'}
            onChange={(v) => set({ show: v === 'all' ? 'all' : null, thread: null })}
            data={[
              { value: 'joined', label: 'Joined' },
              { value: 'all', label: 'All order conversations' },
            ]}
          />
          <ThreadList
            label="Order conversations"
            support
            threads={inbox.data}
            loading={inbox.isPending}
            error={inbox.error}
            onRetry={() => void inbox.refetch()}
            selectedId={selected}
            freshIds={fresh}
            onSelect={(t) => set({ thread: t.id })}
            empty={joinedOnly ? { title: 'No conversations joined', description: 'Join an order conversation from "All order conversations", or reply in one.' } : { title: 'No order conversations', description: 'When buyers and sellers write about an order, it shows up here.' }}
          />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8 }}>
        {selected && (
          <>
            <JoinBar threadId={selected} joined={current?.joined ?? true} />
            <ChatPanel key={selected} threadId={selected} height={480} title={current ? `${current.counterpart} · ${current.title}` : undefined} />
          </>
        )}
      </Grid.Col>
    </Grid>
  );
}

export function SupportInboxPage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'inbox';
  return (
    <>
      <PageHeader title="Support inbox" description="Order conversations between buyers and sellers. You appear to them as Support." />
      <Tabs value={tab} onChange={(v) => setParams(v && v !== 'inbox' ? { tab: v } : {}, { replace: true })}>
        <Tabs.List mb="md">
          <Tabs.Tab value="inbox">Conversations</Tabs.Tab>
          <Tabs.Tab value="reports">Reported messages</Tabs.Tab>
          <Tabs.Tab value="canned">Canned replies</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="inbox">{tab === 'inbox' && <Inbox />}</Tabs.Panel>
        <Tabs.Panel value="reports">{tab === 'reports' && <ReportedMessages onOpen={(threadId) => setParams({ show: 'all', thread: threadId }, { replace: true })} />}</Tabs.Panel>
        <Tabs.Panel value="canned">{tab === 'canned' && <CannedRepliesEditor />}</Tabs.Panel>
      </Tabs>
    </>
  );
}
