// Admins keep the canned replies agents send. Variables ({buyer_name}, {seller_name},
// {order_number}) are filled in by the server when a reply is sent; unknown ones are refused.
import { Button, Group, Paper, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ErrorState, LoadingState, errorMessage } from '@marketdesk/ui';
import { useState } from 'react';
import { trpc } from '../../trpc';

type Draft = { id?: string; version?: number; title: string; body: string };

export function CannedRepliesEditor() {
  const list = trpc.chat.cannedReplies.list.useQuery();
  const [draft, setDraft] = useState<Draft | null>(null);
  const save = trpc.chat.cannedReplies.save.useMutation({
    onSuccess: () => {
      notifications.show({ color: 'green', message: 'Canned reply saved.' });
      setDraft(null);
      void list.refetch();
    },
  });
  const archive = trpc.chat.cannedReplies.archive.useMutation({ onSuccess: () => void list.refetch() });
  if (list.isPending) return <LoadingState label="Loading canned replies…" rows={3} />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const { replies, variables, canManage } = list.data;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        Variables: {variables.map((v) => `{${v}}`).join(', ')}, filled in when the reply is sent.
      </Text>
      {replies.map((r) => (
        <Paper key={r.id} withBorder radius="md" p="sm">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Text fw={600} size="sm">
                {r.title}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {r.body}
              </Text>
            </Stack>
            {canManage && (
              <Group gap="xs" style={{ flexShrink: 0 }}>
                <Button size="xs" variant="default" onClick={() => setDraft({ id: r.id, version: r.version, title: r.title, body: r.body })}>
                  Edit
                </Button>
                <Button size="xs" variant="subtle" color="red" loading={archive.isPending && archive.variables?.id === r.id} onClick={() => archive.mutate({ id: r.id })}>
                  Remove
                </Button>
              </Group>
            )}
          </Group>
        </Paper>
      ))}
      {canManage && !draft && (
        <Button variant="light" onClick={() => setDraft({ title: '', body: '' })} style={{ alignSelf: 'flex-start' }}>
          New canned reply
        </Button>
      )}
      {draft && (
        <Paper withBorder radius="md" p="sm" component="form" onSubmit={(e) => (e.preventDefault(), save.mutate(draft))}>
          <Stack gap="xs">
            <TextInput label="Title" value={draft.title} onChange={(e) => setDraft({ ...draft, title: e.currentTarget.value })} maxLength={80} />
            <Textarea label="Reply" value={draft.body} onChange={(e) => setDraft({ ...draft, body: e.currentTarget.value })} autosize minRows={3} />
            {save.error && (
              <Text size="sm" c="red" role="alert">
                {errorMessage(save.error)}
              </Text>
            )}
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={() => setDraft(null)}>
                Cancel
              </Button>
              <Button type="submit" loading={save.isPending}>
                Save
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
