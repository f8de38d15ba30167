// Reported chat messages for staff: what was reported, by whom and why; open the conversation to
// hide the message there (with a reason), or resolve the report.
import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { EmptyState, ErrorState, LoadingState, formatRelativeTime } from '@marketdesk/ui';
import { MessageText } from '@marketdesk/ui/chat';
import { trpc } from '../../trpc';

export function ReportedMessages({ onOpen }: { onOpen: (threadId: string) => void }) {
  const reports = trpc.chat.reports.useQuery({ open: true });
  const resolve = trpc.chat.resolveReport.useMutation({ onSuccess: () => void reports.refetch() });
  if (reports.isPending) return <LoadingState label="Loading reports…" rows={3} />;
  if (reports.isError) return <ErrorState error={reports.error} onRetry={() => void reports.refetch()} />;
  if (reports.data.length === 0) return <EmptyState title="No open reports" description="When someone reports a chat message, it shows up here." />;
  return (
    <Stack gap="sm" aria-label="Reported messages">
      {reports.data.map((r) => (
        <Paper key={r.id} withBorder radius="md" p="sm">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Stack gap={4} style={{ minWidth: 0 }}>
              <Text size="sm">
                <b>{r.reporterName}</b> reported a message from {r.messageAuthorRole === 'support' ? 'Support' : (r.messageAuthorName ?? 'someone')} · {formatRelativeTime(r.createdAt)}
              </Text>
              <Text size="sm" c="dimmed">
                Why: {r.reason}
              </Text>
              <Paper bg="var(--mantine-color-default-hover)" px="sm" py={4} radius="sm">
                {r.messageBody ? <MessageText body={r.messageBody} /> : <Text size="sm" fs="italic">Deleted by its author</Text>}
              </Paper>
              {r.messageHidden && <Badge color="red" variant="light" size="sm">Hidden</Badge>}
            </Stack>
            <Stack gap={4} style={{ flexShrink: 0 }}>
              <Anchor component="button" size="sm" onClick={() => onOpen(r.threadId)}>
                Open conversation
              </Anchor>
              <Button size="xs" variant="default" loading={resolve.isPending && resolve.variables?.reportId === r.id} onClick={() => resolve.mutate({ reportId: r.id })}>
                Resolve
              </Button>
            </Stack>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
