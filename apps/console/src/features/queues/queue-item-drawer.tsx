// The detail drawer every queue shares: the item's state and holder, Claim / Release, a lead's
// Reassign, the queue's own subject panel (the submission, the listing…), the internal notes thread
// with @mentions, and the audit trail. While the holder has it open the claim lease is renewed, so
// it does not lapse mid-read. Opening it keeps the person present on the queue's page (the header's
// presence): a tab is on one presence page at a time, and the page is the pathname, not the item.
import { Avatar, Badge, Button, Divider, Drawer, Group, Loader, Paper, ScrollArea, Select, Stack, Tabs, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { QueueName } from '@marketdesk/domain';
import { ErrorState, formatDateTime, formatRelativeTime, initials } from '@marketdesk/ui';
import { useLiveEvents } from '@marketdesk/ui/app';
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { trpc, type RouterOutputs } from '../../trpc';
import { OutcomeAlert } from './decision-dialogs';
import { HolderLabel } from './holder';
import { NoteBody } from './note-body';
import { describeHistory } from './queue-history';
import { holderOf, itemPhase, type QueueRow } from './queue-rows';
import { stateStyle } from './queue-states';

const touchEveryMs = 3 * 60_000;

export interface Person {
  id: string;
  name: string;
}

/** Who may be given items of this queue (`queues.staff`), with the query's state for the pickers. */
export interface Assignees {
  people: Person[];
  loading: boolean;
  error: string | null;
}

/** Select data for an assignee picker: "(you)" marks me; the current holder can be left out. */
export function assigneeOptions(assignees: Assignees, meId: string | undefined, exceptId?: string): { value: string; label: string }[] {
  return assignees.people.filter((p) => p.id !== exceptId).map((p) => ({ value: p.id, label: p.id === meId ? `${p.name} (you)` : p.name }));
}

export interface QueueItemDrawerProps {
  queue: QueueName;
  itemId: string | null;
  /** The row as the live table has it (newer than the drawer's own fetch), if loaded. */
  row: QueueRow | null;
  meId: string | undefined;
  isLead: boolean;
  people: Person[];
  /** For Reassign. */
  assignees: Assignees;
  busy: boolean;
  onClose: () => void;
  onClaim: (row: QueueRow) => void;
  onRelease: (row: QueueRow) => void;
  onReassign: (row: QueueRow, toUserId: string) => void;
  /** The queue's own subject view (e.g. the submission and its decisions). */
  children?: (row: QueueRow) => ReactNode;
  /** Shown above the subject (e.g. a CONFLICT's message and the current state). */
  notice?: ReactNode;
}

type ItemDetail = RouterOutputs['queues']['get'];

function Notes({ detail, itemId, people }: { detail: ItemDetail; itemId: string; people: Person[] }) {
  const utils = trpc.useUtils();
  const [body, setBody] = useState('');
  const add = trpc.queues.addNote.useMutation({
    onSuccess: (result) => {
      setBody('');
      void utils.queues.get.invalidate({ id: itemId });
      if (result.mentioned.length) notifications.show({ color: 'blue', title: 'Note added', message: `${result.mentioned.map((m) => m.name).join(', ')} ${result.mentioned.length === 1 ? 'was' : 'were'} notified.` });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (body.trim()) add.mutate({ id: itemId, body });
  };
  const handles = people.map((p) => `@${p.name.replace(/\s+/g, '')}`).slice(0, 4).join(', ');
  return (
    <Stack gap="sm">
      {detail.notes.length === 0 && (
        <Text size="sm" c="dimmed">
          No notes yet. Notes are for the team only; the seller never sees them.
        </Text>
      )}
      {detail.notes.map((n) => (
        <Paper key={n.id} withBorder p="sm" radius="md" component="article" aria-label={`Note by ${n.author.name}`}>
          <Group gap="xs" mb={4}>
            <Avatar name={n.author.name} color="initials" size={22} radius="xl" aria-hidden>
              {initials(n.author.name)}
            </Avatar>
            <Text size="sm" fw={600}>
              {n.author.name}
            </Text>
            <Text size="xs" c="dimmed" title={formatDateTime(n.createdAt)}>
              {formatRelativeTime(n.createdAt)}
            </Text>
          </Group>
          <NoteBody markdown={n.body} />
        </Paper>
      ))}
      <form onSubmit={submit}>
        <Stack gap={6}>
          <Textarea
            label="Add a note"
            description={`Markdown: **bold**, *italic*, \`code\`, - lists. Mention colleagues with @ and their name without spaces${handles ? ` (${handles})` : ''}.`}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) submit(e);
            }}
            autosize
            minRows={2}
            maxLength={10_000}
            error={add.error?.message}
          />
          <Group justify="flex-end">
            <Button type="submit" size="xs" loading={add.isPending} disabled={!body.trim()}>
              Add note
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

function History({ detail, people }: { detail: ItemDetail; people: Person[] }) {
  const names = new Map(people.map((p) => [p.id, p.name]));
  for (const n of detail.notes) names.set(n.author.id, n.author.name);
  const entries = [...detail.history].reverse();
  if (entries.length === 0) return <Text size="sm" c="dimmed">Nothing has happened yet.</Text>;
  return (
    <Stack gap={6} component="ol" p={0} m={0} style={{ listStyle: 'none' }} aria-label="History">
      {entries.map((h) => (
        <Group key={h.id} component="li" gap="xs" wrap="nowrap" align="flex-start">
          <Text size="xs" c="dimmed" w={110} style={{ flexShrink: 0 }} title={formatDateTime(h.occurredAt)}>
            {formatRelativeTime(h.occurredAt)}
          </Text>
          <Text size="sm">{describeHistory(h, names)}</Text>
        </Group>
      ))}
    </Stack>
  );
}

export function QueueItemDrawer(props: QueueItemDrawerProps) {
  const { queue, itemId, meId, isLead, people, assignees, busy, onClose, onClaim, onRelease, onReassign, children, notice } = props;
  const detail = trpc.queues.get.useQuery({ id: itemId ?? '' }, { enabled: !!itemId });
  const touch = trpc.queues.touch.useMutation();
  const [assignTo, setAssignTo] = useState<string | null>(null);
  const row = props.row ?? detail.data?.item ?? null;
  const holder = row ? holderOf(row, Date.now()) : null;
  const mine = !!holder && holder.id === meId;

  useLiveEvents((event) => {
    const payload = event.payload as { itemId?: string };
    if (itemId && payload.itemId === itemId && (event.name === 'queue.note.added' || event.name.startsWith('queue.item.'))) void detail.refetch();
  });

  // Reading the item is working on it: keep the lease alive while the holder has it open — judged
  // on the live list row only, and only while the item is open for staff. The detail fetched when
  // the drawer opened goes stale: once a decided item leaves the list, it still named the holder
  // and an open state, and touching it answered 409.
  const touchMutate = touch.mutate;
  const liveRow = props.row ?? null;
  const workable = !!liveRow && itemPhase(queue, liveRow.state) === 'open' && holderOf(liveRow, Date.now())?.id === meId;
  useEffect(() => {
    if (!itemId || !workable) return;
    touchMutate({ id: itemId });
    const timer = setInterval(() => touchMutate({ id: itemId }), touchEveryMs);
    return () => clearInterval(timer);
  }, [itemId, workable, touchMutate]);

  const state = row ? stateStyle(queue, row.state) : null;
  // Claims and reassignment are for items waiting for staff; a decided item shows its outcome instead.
  const phase = row ? itemPhase(queue, row.state) : null;
  return (
    <Drawer opened={!!itemId} onClose={onClose} position="right" size="xl" title={row ? row.title : "Loading…"} scrollAreaComponent={ScrollArea.Autosize} aria-label="Item details">
      {!row && detail.isPending && <Loader size="sm" aria-label="Loading the item" />}
      {detail.isError && !row && <ErrorState title="Could not load this item" error={detail.error} onRetry={() => void detail.refetch()} />}
      {row && state && itemId && (
        <Stack gap="md">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Group gap="sm">
              <Badge variant="light" color={state.color} size="lg">
                {state.label}
              </Badge>
              <Text size="sm" c="dimmed">
                {row.sellerName ?? 'Unknown seller'} · submitted {formatRelativeTime(row.createdAtMs)}
              </Text>
            </Group>
            {phase !== 'closed' && <HolderLabel holder={holder} meId={meId} />}
          </Group>
          {phase === 'closed' && <OutcomeAlert row={row} />}
          {phase !== 'closed' && (
            <Group gap="xs" wrap="wrap">
              {phase === 'open' && !holder && (
                <Button size="xs" onClick={() => onClaim(row)} loading={busy}>
                  Claim
                </Button>
              )}
              {phase === 'open' && holder && !mine && !isLead && (
                <Button size="xs" disabled>
                  Claim
                </Button>
              )}
              {holder && (mine || isLead) && (
                <Button size="xs" variant="default" onClick={() => onRelease(row)} loading={busy}>
                  Release
                </Button>
              )}
              {phase === 'open' && isLead && (
                <>
                  <Select
                    size="xs"
                    placeholder={assignees.loading ? 'Loading colleagues…' : 'Choose a colleague'}
                    aria-label="Reassign to"
                    data={assigneeOptions(assignees, meId, holder?.id)}
                    disabled={assignees.loading}
                    error={assignees.error ?? undefined}
                    nothingFoundMessage="Nobody else works this queue"
                    value={assignTo}
                    onChange={setAssignTo}
                    w={200}
                    comboboxProps={{ withinPortal: false }}
                  />
                  <Button
                    size="xs"
                    variant="light"
                    disabled={!assignTo}
                    onClick={() => {
                      if (assignTo) onReassign(row, assignTo);
                      setAssignTo(null);
                    }}
                  >
                    Reassign
                  </Button>
                </>
              )}
            </Group>
          )}
          {notice}
          <Divider />
          {children?.(row)}
          <Divider />
          <Tabs defaultValue="notes" keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="notes">Notes{detail.data?.notes.length ? ` (${detail.data.notes.length})` : ''}</Tabs.Tab>
              <Tabs.Tab value="history">History</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="notes" pt="sm">
              {detail.data ? <Notes detail={detail.data} itemId={itemId} people={people} /> : <Loader size="xs" />}
            </Tabs.Panel>
            <Tabs.Panel value="history" pt="sm">
              {detail.data ? <History detail={detail.data} people={people} /> : <Loader size="xs" />}
            </Tabs.Panel>
          </Tabs>
        </Stack>
      )}
    </Drawer>
  );
}
