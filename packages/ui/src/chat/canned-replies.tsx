// Staff's canned replies: pick one, see it filled in for this thread, send it.
import { Box, Button, Group, Select, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { trpc } from '../app/trpc';

export function CannedReplies({ threadId, onSend }: { threadId: string; onSend: (id: string) => void }) {
  const list = trpc.chat.cannedReplies.list.useQuery(undefined, { staleTime: 60_000 });
  const [picked, setPicked] = useState<string | null>(null);
  const preview = trpc.chat.cannedReplies.preview.useQuery({ threadId, id: picked ?? '' }, { enabled: !!picked });
  useEffect(() => setPicked(null), [threadId]);
  if (!list.data || list.data.replies.length === 0) return null;
  return (
    <Box>
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <Select
          label="Canned reply"
          placeholder="Pick a reply"
          size="xs"
          data={list.data.replies.map((r) => ({ value: r.id, label: r.title }))}
          value={picked}
          onChange={setPicked}
          clearable
          style={{ flex: 1 }}
        />
        <Button
          size="xs"
          variant="light"
          disabled={!picked || !preview.data}
          onClick={() => {
            if (picked) onSend(picked);
            setPicked(null);
          }}
        >
          Send canned reply
        </Button>
      </Group>
      {picked && (
        <Text size="xs" c="dimmed" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
          {preview.isPending ? 'Preparing…' : (preview.data?.body ?? '')}
        </Text>
      )}
    </Box>
  );
}
