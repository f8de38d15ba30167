// Messages (/messages): a seller's conversations — buyers' questions about listings and order
// threads — with live unread badges, and the selected conversation beside them (?thread=id).
import { Grid, SegmentedControl, Stack } from '@mantine/core';
import { PageHeader } from '@marketdesk/ui';
import { ThreadList, useMyThreads } from '@marketdesk/ui/chat';
import { useSearchParams } from 'react-router';
import { ChatPanel } from '../features/chat/chat-panel';

type Filter = 'all' | 'presale' | 'order';

export function MessagesPage() {
  const [params, setParams] = useSearchParams();
  const filter = (['presale', 'order'].includes(params.get('kind') ?? '') ? params.get('kind') : 'all') as Filter;
  const threads = useMyThreads(filter === 'all' ? undefined : filter);
  const selected = params.get('thread') ?? threads.data?.[0]?.id ?? null;
  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    setParams(next, { replace: true });
  };
  return (
    <>
      <PageHeader title="Messages" description="Questions from buyers about your listings, and conversations about your orders." />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="sm">
            <SegmentedControl
              aria-label="Show"
              value={filter}
              onChange={(v) => set({ kind: v === 'all' ? null : v, thread: null })}
              data={[
                { value: 'all', label: 'All' },
                { value: 'presale', label: 'Questions' },
                { value: 'order', label: 'Orders' },
              ]}
            />
            <ThreadList
              label="Conversations"
              threads={threads.data}
              loading={threads.isPending}
              error={threads.error}
              onRetry={() => void threads.refetch()}
              selectedId={selected}
              onSelect={(t) => set({ thread: t.id })}
              empty={{ title: 'No messages yet', description: 'When a buyer asks about a listing or writes about an order, it shows up here.' }}
            />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>{selected && <ChatPanel key={selected} threadId={selected} height={480} />}</Grid.Col>
      </Grid>
    </>
  );
}
