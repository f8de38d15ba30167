// One queue, live: filters and saved views in the URL, the table, paging, bulk actions, claiming,
// the detail drawer, keyboard triage, a CSV export of the view and the queue's stats. Generic over every queue; a queue adds its subject panel
// (e.g. the submission with its decisions) and what a/r do through props.
import { Button, Group, Kbd, Modal, NumberInput, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { isQueueLead, type QueueFilter, type QueueName, type QueueSort } from '@marketdesk/domain';
import { EmptyState, ErrorState, LoadingState, PageHeader } from '@marketdesk/ui';
import { usePresence } from '@marketdesk/ui/app';
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import { errorCode, trpc } from '../../trpc';
import { useMe } from '../auth/use-session';
import { conflictRow } from './decision-dialogs';
import { BulkBar } from './bulk-bar';
import { QueueFilters } from './queue-filters';
import { QueueItemDrawer, type Person } from './queue-item-drawer';
import { readQueueParams, writeQueueParams } from './queue-params';
import { QueuePresets } from './queue-presets';
import { holderOf, type QueueRow } from './queue-rows';
import { moveSelection, queueShortcut, queueShortcutHelp } from './queue-shortcuts';
import { ExportButton, ExportStatus, useQueueExport } from './queue-export';
import { QueueStats } from './queue-stats';
import { QueueTable } from './queue-table';
import { useLiveQueue } from './use-live-queue';

export interface QueueViewProps {
  queue: QueueName;
  title: string;
  description: string;
  /** The table's accessible name, e.g. "Submissions queue". */
  tableLabel: string;
  /** Bulk accept/reject are available (otherwise bulk assign only). */
  decidable: boolean;
  /** a / r on the selected row (the queue opens its own confirmation). */
  onShortcutDecision?: (kind: 'accept' | 'reject', row: QueueRow) => void;
  /** The subject inside the drawer. */
  subject?: (row: QueueRow) => ReactNode;
  /** Shown in the drawer above the subject (e.g. a CONFLICT for this item). */
  notice?: (itemId: string) => ReactNode;
  /** Extra elements the queue renders (its decision dialogs). */
  children?: ReactNode;
  /** Lets the queue apply rows it learned about (a decision's answer). */
  applyRef?: { current: ((row: QueueRow) => void) | null };
}

function ShortcutsHelp({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Keyboard shortcuts">
      <Table aria-label="Keyboard shortcuts">
        <Table.Tbody>
          {queueShortcutHelp.map((s) => (
            <Table.Tr key={s.keys}>
              <Table.Td w={110}>
                {s.keys.split(' / ').map((k, i) => (
                  <span key={k}>
                    {i > 0 && ' / '}
                    <Kbd>{k}</Kbd>
                  </span>
                ))}
              </Table.Td>
              <Table.Td>{s.does}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed" mt="sm">
        Shortcuts are off while you type in a field.
      </Text>
    </Modal>
  );
}

function AutoAssign({ queue, onDone }: { queue: QueueName; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [capacity, setCapacity] = useState<string | number>(5);
  const run = trpc.queues.autoAssign.useMutation({
    onSuccess: (res) => {
      setOpen(false);
      const byPerson = new Map<string, number>();
      for (const a of res.assigned) byPerson.set(a.userName, (byPerson.get(a.userName) ?? 0) + 1);
      notifications.show({
        color: res.assigned.length ? 'green' : 'gray',
        title: res.assigned.length ? `Assigned ${res.assigned.length} items` : 'Nothing to assign',
        message: res.assigned.length ? [...byPerson].map(([name, n]) => `${name}: ${n}`).join(', ') + (res.skipped.length ? ` · ${res.skipped.length} were claimed meanwhile` : '') : 'Every open item is claimed, or everyone is at capacity.',
      });
      onDone();
    },
  });
  return (
    <>
      <Button size="xs" variant="default" onClick={() => setOpen(true)}>
        Auto-assign
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title="Auto-assign open items">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            run.mutate({ queue, capacity: Number(capacity) || 1, dryRun: false });
          }}
        >
          <Stack>
            <Text size="sm">Oldest unclaimed items first, round-robin across everyone who works this queue, up to a number of items each (counting what they already hold).</Text>
            <NumberInput label="Items per person" min={1} max={100} value={capacity} onChange={setCapacity} data-autofocus />
            {run.error && (
              <Text size="sm" c="red" role="alert">
                {run.error.message}
              </Text>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpen(false)}>
                Cancel
              </Button>
              <Button type="submit" loading={run.isPending}>
                Assign
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

/**
 * Names for notes and history: me, whoever is on this page now, whoever holds or touched a row, and
 * the queue's staff. Assigning offers the staff list alone (`queues.staff`): only they may work it.
 */
function usePeople(rows: QueueRow[], me: Person | null, staff: Person[] | undefined): Person[] {
  const { pathname } = useLocation();
  const here = usePresence(pathname);
  return useMemo(() => {
    const people = new Map<string, string>();
    if (me) people.set(me.id, me.name);
    for (const p of staff ?? []) people.set(p.id, p.name);
    for (const u of here) people.set(u.id, u.displayName);
    for (const r of rows) {
      if (r.claimedBy && r.claimedByName) people.set(r.claimedBy, r.claimedByName);
      if (r.lastAction?.actorId && r.lastAction.actorName && r.lastAction.actorId !== r.sellerId) people.set(r.lastAction.actorId, r.lastAction.actorName);
    }
    return [...people].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
  }, [here, rows, me, staff]);
}

/** Focus is inside a dialog (Mantine traps it there while one is open): its keys are its own. */
function inModal(target: EventTarget | null): boolean {
  return !!(target as Element | null)?.closest?.('.mantine-Modal-root');
}

export function QueueView(props: QueueViewProps) {
  const { queue, title, description, tableLabel, decidable, onShortcutDecision, subject, notice, children, applyRef } = props;
  const me = useMe();
  const meId = me.data?.id;
  const isLead = !!me.data && isQueueLead(me.data);
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => readQueueParams(params), [params]);
  const live = useLiveQueue({ queue, filter: view.filter, sort: view.sort, meId });
  const { rows, apply } = live;
  useEffect(() => {
    if (applyRef) applyRef.current = apply;
  }, [applyRef, apply]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [ticked, setTicked] = useState<ReadonlySet<string>>(() => new Set());
  const [help, setHelp] = useState(false);
  // Only leads reassign or bulk-assign, so only they need the list.
  const staff = trpc.queues.staff.useQuery({ queue }, { enabled: isLead, staleTime: 5 * 60_000 });
  const sortedStaff = useMemo(() => staff.data && [...staff.data].sort((a, b) => a.name.localeCompare(b.name)), [staff.data]);
  const people = usePeople(rows, me.data ? { id: me.data.id, name: me.data.displayName } : null, sortedStaff);
  const assignees = useMemo(() => ({ people: sortedStaff ?? [], loading: staff.isPending, error: staff.error?.message ?? null }), [sortedStaff, staff.isPending, staff.error]);
  const exportView = useQueueExport({ queue, filter: view.filter, sort: view.sort });

  const setView = useCallback(
    (change: { filter?: QueueFilter; sort?: QueueSort; item?: string | null }, replace = true) => setParams(writeQueueParams(params, change), { replace }),
    [params, setParams],
  );
  const open = useCallback((id: string | null) => {
    if (id) setSelectedId(id);
    setView({ item: id }, false);
  }, [setView]);

  const onClaimError = (error: { message: string }) => {
    const current = conflictRow(error);
    if (current) apply(current);
    const conflict = errorCode(error) === 'CONFLICT';
    notifications.show({ color: conflict ? 'yellow' : 'red', title: conflict ? 'Already taken' : 'Could not do that', message: error.message });
  };
  const claim = trpc.queues.claim.useMutation({ onSuccess: apply, onError: onClaimError });
  const release = trpc.queues.release.useMutation({ onSuccess: apply, onError: onClaimError });
  const reassign = trpc.queues.reassign.useMutation({
    onSuccess: (row) => {
      apply(row);
      notifications.show({ color: 'green', title: 'Reassigned', message: `${row.claimedByName ?? 'Your colleague'} has it now.` });
    },
    onError: onClaimError,
  });
  const busyId = claim.isPending ? (claim.variables?.id ?? null) : release.isPending ? (release.variables?.id ?? null) : null;

  // Selection follows the list: ticks of rows that left are dropped.
  useEffect(() => {
    setTicked((t) => {
      const ids = new Set(rows.map((r) => r.id));
      const kept = [...t].filter((id) => ids.has(id));
      return kept.length === t.size ? t : new Set(kept);
    });
  }, [rows]);

  const selected = rows.find((r) => r.id === selectedId) ?? null;
  const keyState = useRef({ rows, selectedId, selected, item: view.item });
  useEffect(() => {
    keyState.current = { rows, selectedId, selected, item: view.item };
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const shortcut = queueShortcut(e);
      if (!shortcut || inModal(e.target)) return;
      const { rows: current, selectedId: sel, selected: row, item } = keyState.current;
      const ids = current.map((r) => r.id);
      switch (shortcut) {
        case 'next':
        case 'prev': {
          const next = moveSelection(ids, sel, shortcut === 'next' ? 1 : -1);
          setSelectedId(next);
          if (next) document.querySelector(`[data-row-id="${next}"]`)?.scrollIntoView({ block: 'nearest' });
          if (item && next) setParams((p) => writeQueueParams(p, { item: next }), { replace: true });
          break;
        }
        case 'open':
          if (row) open(row.id);
          break;
        case 'claim':
          if (row && !holderOf(row, Date.now())) claim.mutate({ id: row.id });
          break;
        case 'accept':
        case 'reject':
          if (row && onShortcutDecision) onShortcutDecision(shortcut, row);
          break;
        case 'toggle':
          if (row) setTicked((t) => (t.has(row.id) ? new Set([...t].filter((id) => id !== row.id)) : new Set(t).add(row.id)));
          break;
        case 'help':
          setHelp(true);
          break;
        default:
          return;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, claim, onShortcutDecision, setParams]);

  const list = live.list;
  let body;
  if (list.isPending) body = <LoadingState label="Loading the queue…" />;
  else if (list.isError) body = <ErrorState title="Could not load the queue" error={list.error} onRetry={() => void list.refetch()} />;
  else if (rows.length === 0) {
    body = Object.keys(view.filter).length ? (
      <EmptyState title="Nothing matches these filters" description="Loosen a filter, or clear them to see everything waiting." action={<Button onClick={() => setView({ filter: {} })}>Clear filters</Button>} />
    ) : (
      <EmptyState title="The queue is empty" description="New items appear here live the moment they arrive." />
    );
  } else {
    body = (
      <>
        <QueueTable
          queue={queue}
          label={tableLabel}
          rows={rows}
          meId={meId}
          isLead={isLead}
          nowMs={live.nowMs}
          sort={view.sort}
          onSort={(sort) => setView({ sort })}
          selectedId={selectedId}
          onSelect={setSelectedId}
          onOpen={open}
          ticked={ticked}
          onTick={(ids, on) => setTicked((t) => {
            const next = new Set(t);
            for (const id of ids) if (on) next.add(id); else next.delete(id);
            return next;
          })}
          freshIds={live.freshIds}
          changedIds={live.changedIds}
          leavingIds={live.leavingIds}
          busyId={busyId}
          onClaim={(row) => claim.mutate({ id: row.id })}
          onRelease={(row) => release.mutate({ id: row.id })}
        />
        <Group justify="space-between" mt="sm">
          <Text size="sm" c="dimmed">
            {rows.length} shown{live.total !== undefined ? ` of ${Math.max(live.total, rows.length)}` : ''}
          </Text>
          {list.hasNextPage && (
            <Button variant="default" size="xs" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
              Load more
            </Button>
          )}
        </Group>
      </>
    );
  }

  const drawerRow = view.item ? (rows.find((r) => r.id === view.item) ?? null) : null;
  return (
    <>
      <PageHeader title={title} description={description} />
      <Group justify="flex-end" mb="sm" wrap="wrap" gap="xs">
        <ExportButton exp={exportView} />
        <QueuePresets queue={queue} filter={view.filter} sort={view.sort} onApply={({ filter, sort }) => setView({ filter, sort }, false)} />
        {isLead && <AutoAssign queue={queue} onDone={() => void list.refetch()} />}
        <Button size="xs" variant="subtle" onClick={() => setHelp(true)} aria-label="Keyboard shortcuts">
          Shortcuts <Kbd ml={6} size="xs">?</Kbd>
        </Button>
      </Group>
      <ExportStatus exp={exportView} />
      <QueueStats queue={queue} counts={live.countsByState} />
      <QueueFilters queue={queue} filter={view.filter} onChange={(filter) => setView({ filter })} />
      {live.roomError && <ErrorState title="Live updates are unavailable" error={live.roomError} />}
      <BulkBar queue={queue} selected={rows.filter((r) => ticked.has(r.id))} decidable={decidable} isLead={isLead} assignees={assignees} meId={meId} onClear={() => setTicked(new Set())} onDone={() => void list.refetch()} />
      {body}
      <QueueItemDrawer
        queue={queue}
        itemId={view.item}
        row={drawerRow}
        meId={meId}
        isLead={isLead}
        people={people}
        assignees={assignees}
        busy={!!view.item && busyId === view.item}
        onClose={() => setView({ item: null }, false)}
        onClaim={(row) => claim.mutate({ id: row.id })}
        onRelease={(row) => release.mutate({ id: row.id })}
        onReassign={(row, toUserId) => reassign.mutate({ id: row.id, version: row.version, toUserId })}
        notice={view.item && notice ? notice(view.item) : null}
      >
        {subject}
      </QueueItemDrawer>
      <ShortcutsHelp opened={help} onClose={() => setHelp(false)} />
      {children}
    </>
  );
}
