// Bulk actions on the ticked rows: accept, reject with a reason, or (leads) assign to a colleague.
// Each item is decided on the version shown, on its own, so one that someone else changed meanwhile
// is reported rather than overwritten. Progress comes live from `queue.bulk.progress` on the
// actor's own room; the answer lists every item that was not done, and why.
import { Alert, Button, Group, List, Modal, Paper, Progress, Select, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { QueueName } from '@marketdesk/domain';
import { useLiveEvents } from '@marketdesk/ui/app';
import { useState } from 'react';
import { trpc, type RouterOutputs } from '../../trpc';
import { assigneeOptions, type Assignees } from './queue-item-drawer';
import type { QueueRow } from './queue-rows';

type BulkResult = RouterOutputs['queues']['bulk'];
type BulkAction = 'accept' | 'reject' | 'assign';

export interface BulkBarProps {
  queue: QueueName;
  selected: QueueRow[];
  /** Bulk accept/reject exist for this queue (others: assign only). */
  decidable: boolean;
  isLead: boolean;
  /** Who may be given these items (`queues.staff`). */
  assignees: Assignees;
  meId: string | undefined;
  onClear: () => void;
  onDone: () => void;
}

const verbs: Record<BulkAction, string> = { accept: 'Accepted', reject: 'Rejected', assign: 'Assigned' };

export function BulkBar({ queue, selected, decidable, isLead, assignees, meId, onClear, onDone }: BulkBarProps) {
  // Each queue rejects for its own reasons (a KYC check is not refused for a submission's reasons).
  const reasons = trpc.queues.rejectReasons.useQuery({ queue }, { staleTime: Infinity, enabled: decidable });
  const [progress, setProgress] = useState<{ done: number; total: number; failed: number } | null>(null);
  const [result, setResult] = useState<(BulkResult & { action: BulkAction; titles: Map<string, string> }) | null>(null);
  const [asking, setAsking] = useState<BulkAction | null>(null);
  const [reason, setReason] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [assignee, setAssignee] = useState<string | null>(null);

  const bulk = trpc.queues.bulk.useMutation({
    onMutate: (input) => setProgress({ done: 0, total: input.items.length, failed: 0 }),
    onSuccess: (res, input) => {
      setProgress(null);
      setAsking(null);
      setResult({ ...res, action: input.action, titles: new Map(selected.map((r) => [r.id, r.title])) });
      notifications.show({
        color: res.failures.length ? 'yellow' : 'green',
        title: `${verbs[input.action]} ${res.succeeded.length} of ${res.total}`,
        message: res.failures.length ? `${res.failures.length} could not be done; see the list.` : 'All done.',
      });
      onClear();
      onDone();
    },
    onError: () => setProgress(null),
  });

  useLiveEvents((event) => {
    if (event.name !== 'queue.bulk.progress' || !bulk.isPending) return;
    const p = event.payload as { queue: string; done: number; total: number; failed: number };
    if (p.queue === queue) setProgress({ done: p.done, total: p.total, failed: p.failed });
  });

  const items = selected.map((r) => ({ id: r.id, version: r.version }));
  const run = (action: BulkAction) => {
    if (action === 'accept') bulk.mutate({ queue, action, items });
    else if (action === 'reject' && reason) bulk.mutate({ queue, action, items, reason: reason as never, note: note.trim() });
    else if (action === 'assign' && assignee) bulk.mutate({ queue, action, items, toUserId: assignee });
  };

  return (
    <Stack gap="sm" mb="md">
      {selected.length > 0 && (
        <Paper withBorder p="xs" radius="md" component="section" aria-label="Bulk actions">
          <Group gap="xs" justify="space-between" wrap="wrap">
            <Text size="sm" fw={600}>
              {selected.length} selected
            </Text>
            <Group gap="xs" wrap="wrap">
              {decidable && (
                <>
                  <Button size="xs" color="green" onClick={() => setAsking('accept')} disabled={bulk.isPending}>
                    Accept {selected.length}
                  </Button>
                  <Button size="xs" color="red" variant="light" onClick={() => setAsking('reject')} disabled={bulk.isPending}>
                    Reject {selected.length}
                  </Button>
                </>
              )}
              {isLead && (
                <Button size="xs" variant="light" onClick={() => setAsking('assign')} disabled={bulk.isPending}>
                  Assign {selected.length}
                </Button>
              )}
              <Button size="xs" variant="subtle" onClick={onClear} disabled={bulk.isPending}>
                Clear selection
              </Button>
            </Group>
          </Group>
        </Paper>
      )}
      {progress && (
        <Stack gap={4}>
          <Text size="sm" id="bulk-progress-label">
            Working… {progress.done} of {progress.total}
            {progress.failed ? ` (${progress.failed} not done)` : ''}
          </Text>
          <Progress value={progress.total ? (progress.done / progress.total) * 100 : 0} animated aria-labelledby="bulk-progress-label" />
        </Stack>
      )}
      {bulk.error && (
        <Alert color="red" title="The bulk action did not run" withCloseButton onClose={() => bulk.reset()}>
          {bulk.error.message}
        </Alert>
      )}
      {result && (
        <Alert color={result.failures.length ? 'yellow' : 'green'} title={`${verbs[result.action]} ${result.succeeded.length} of ${result.total}`} withCloseButton onClose={() => setResult(null)} closeButtonLabel="Dismiss">
          {result.failures.length === 0 ? (
            'Every item was done.'
          ) : (
            <List size="sm" spacing={2} aria-label="Items not done">
              {result.failures.map((f) => (
                <List.Item key={f.itemId}>
                  <b>{result.titles.get(f.itemId) ?? f.itemId.slice(0, 8)}</b>: {f.message}
                </List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
      <Modal opened={asking !== null} onClose={() => setAsking(null)} title={asking ? `${asking === 'accept' ? 'Accept' : asking === 'reject' ? 'Reject' : 'Assign'} ${selected.length} items` : ''}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (asking) run(asking);
          }}
        >
          <Stack>
            {asking === 'accept' && (
              <Text size="sm">
                {queue === 'submissions' ? 'Each seller is sent our offer (or a counter-offer they made is taken).' : 'Each item is accepted as if you had accepted it on its own.'} Items someone changed since you looked are left alone and listed.
              </Text>
            )}
            {asking === 'reject' && (
              <>
                <Select label="Reason" placeholder="Choose a reason" data={(reasons.data ?? []).map((r) => ({ value: r.code, label: r.label }))} value={reason} onChange={setReason} required comboboxProps={{ withinPortal: false }} data-autofocus />
                <Textarea label={queue === 'fraud' ? 'Note to the buyers' : 'Note to the sellers'} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={1000} autosize minRows={2} />
              </>
            )}
            {asking === 'assign' && (
              <Select label="Assign to" placeholder={assignees.loading ? 'Loading colleagues…' : 'Choose a colleague'} data={assigneeOptions(assignees, meId)} disabled={assignees.loading} error={assignees.error ?? undefined} nothingFoundMessage="Nobody works this queue" value={assignee} onChange={setAssignee} required comboboxProps={{ withinPortal: false }} data-autofocus />
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setAsking(null)}>
                Cancel
              </Button>
              <Button type="submit" loading={bulk.isPending} disabled={(asking === 'reject' && !reason) || (asking === 'assign' && !assignee)} color={asking === 'reject' ? 'red' : asking === 'accept' ? 'green' : undefined}>
                {asking === 'accept' ? 'Accept all' : asking === 'reject' ? 'Reject all' : 'Assign all'}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}
