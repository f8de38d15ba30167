// The generic queue table: one row per item with its state, value, conditions, age, SLA and holder,
// a tick box for bulk actions and Claim / Release. Clicking a row selects it (j/k move the same
// selection); its title opens the drawer. New rows slide in highlighted, changed ones flash, and
// finished ones fade out before they leave. Live changes never move focus.
import { Anchor, Badge, Button, Checkbox, Group, Paper, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { queueSlaRisk, type QueueName, type QueueSort, type QueueSortField } from '@marketdesk/domain';
import { formatDateTime, formatMoney, formatRelativeTime } from '@marketdesk/ui';
import { HolderLabel } from './holder';
import { holderOf, itemPhase, type QueueRow } from './queue-rows';
import { stateStyle } from './queue-states';
import classes from './queue-table.module.css';

export interface QueueTableProps {
  queue: QueueName;
  label: string;
  rows: QueueRow[];
  meId: string | undefined;
  isLead: boolean;
  nowMs: number;
  sort: QueueSort;
  onSort: (sort: QueueSort) => void;
  selectedId: string | null;
  onSelect: (id: string) => void;
  onOpen: (id: string) => void;
  ticked: ReadonlySet<string>;
  onTick: (ids: string[], on: boolean) => void;
  freshIds: ReadonlySet<string>;
  changedIds: ReadonlySet<string>;
  leavingIds: ReadonlySet<string>;
  busyId: string | null;
  onClaim: (row: QueueRow) => void;
  onRelease: (row: QueueRow) => void;
}

function SortHeader({ field, label, sort, onSort, align }: { field: QueueSortField; label: string; sort: QueueSort; onSort: (s: QueueSort) => void; align?: 'right' }) {
  const active = sort.field === field;
  const next: QueueSort = { field, direction: active && sort.direction === 'asc' ? 'desc' : 'asc' };
  return (
    <Table.Th ta={align} aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <Anchor component="button" type="button" size="sm" fw={600} c="inherit" onClick={() => onSort(next)} aria-label={`Sort by ${label.toLowerCase()}`}>
        {label}
        {active ? (sort.direction === 'asc' ? ' ↑' : ' ↓') : ''}
      </Anchor>
    </Table.Th>
  );
}

/** The deadline, coloured by the domain's SLA risk (the dashboard counts the same "at risk"). */
function slaText(row: QueueRow, nowMs: number): { text: string; color?: string } {
  const risk = queueSlaRisk(row, nowMs);
  if (row.slaDueAtMs === null || risk === null) return { text: '—' };
  if (risk === 'overdue') return { text: `Overdue ${formatRelativeTime(row.slaDueAtMs, new Date(nowMs)).replace(/ ago$/, '')}`, color: 'red' };
  return { text: formatRelativeTime(row.slaDueAtMs, new Date(nowMs)), color: risk === 'at_risk' ? 'orange' : undefined };
}

function ClaimCell({ row, meId, isLead, nowMs, busy, onClaim, onRelease }: { row: QueueRow; meId: string | undefined; isLead: boolean; nowMs: number; busy: boolean } & Pick<QueueTableProps, 'onClaim' | 'onRelease'>) {
  const holder = holderOf(row, nowMs);
  // Only items waiting for staff are offered for claiming (a decided one has nothing left to do).
  if (!holder && itemPhase(row.queue, row.state) !== 'open') return null;
  if (holder && (holder.id === meId || isLead)) {
    return (
      <Button size="xs" variant="default" loading={busy} onClick={() => onRelease(row)} aria-label={holder.id === meId ? 'Release' : `Release (${holder.name} has it)`}>
        Release
      </Button>
    );
  }
  const button = (
    <Button size="xs" variant={holder ? 'default' : 'light'} disabled={!!holder} loading={busy} onClick={() => onClaim(row)}>
      Claim
    </Button>
  );
  return holder ? <Tooltip label={`${holder.name} has it`}>{<span>{button}</span>}</Tooltip> : button;
}

function rowClass(props: QueueTableProps, row: QueueRow): string {
  const { freshIds, changedIds, leavingIds, selectedId } = props;
  const live = leavingIds.has(row.id) ? classes.leaving : freshIds.has(row.id) ? classes.fresh : changedIds.has(row.id) ? classes.changed : '';
  return [live, row.id === selectedId ? classes.selected : ''].join(' ');
}

/** Phones get one card per item, so the holder and Claim never hide in a scrolled table. */
function QueueCards(props: QueueTableProps) {
  const { queue, label, rows, meId, isLead, nowMs, onOpen, ticked, onTick, busyId, onClaim, onRelease } = props;
  return (
    <Stack gap="sm" role="list" aria-label={label}>
      {rows.map((row) => {
        const state = stateStyle(queue, row.state);
        return (
          <Paper key={row.id} role="listitem" withBorder radius="md" p="sm" className={rowClass(props, row)} data-row-id={row.id}>
            <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
              <Group gap="xs" wrap="nowrap" align="flex-start" style={{ minWidth: 0 }}>
                <Checkbox mt={2} aria-label={`Select ${row.title}`} checked={ticked.has(row.id)} onChange={(e) => onTick([row.id], e.currentTarget.checked)} />
                <div style={{ minWidth: 0 }}>
                  <Anchor component="button" type="button" size="sm" fw={600} ta="left" onClick={() => onOpen(row.id)} className={classes.title}>
                    {row.title}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {row.sellerName ?? 'Unknown seller'} · {formatRelativeTime(row.createdAtMs, new Date(nowMs))}
                  </Text>
                </div>
              </Group>
              <Text fw={600} size="sm" style={{ whiteSpace: 'nowrap' }}>
                {formatMoney({ amountMinor: row.valueMinor, currency: row.currency })}
              </Text>
            </Group>
            <Group justify="space-between" mt="xs" wrap="nowrap" gap="xs">
              <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
                <Badge variant="light" color={state.color} style={{ flexShrink: 0 }}>
                  {state.label}
                </Badge>
                <HolderLabel holder={holderOf(row, nowMs)} meId={meId} size="xs" decided={itemPhase(row.queue, row.state) === 'closed'} />
              </Group>
              <ClaimCell row={row} meId={meId} isLead={isLead} nowMs={nowMs} busy={busyId === row.id} onClaim={onClaim} onRelease={onRelease} />
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}

export function QueueTable(props: QueueTableProps) {
  const phone = useMediaQuery('(max-width: 36em)');
  if (phone) return <QueueCards {...props} />;
  const { queue, label, rows, meId, isLead, nowMs, sort, onSort, selectedId, onSelect, onOpen, ticked, onTick, freshIds, leavingIds, busyId, onClaim, onRelease } = props;
  const now = new Date(nowMs);
  const allTicked = rows.length > 0 && rows.every((r) => ticked.has(r.id));
  const someTicked = rows.some((r) => ticked.has(r.id));
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="xs" highlightOnHover aria-label={label} aria-rowcount={rows.length + 1}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={36}>
              <Checkbox aria-label="Select all shown" checked={allTicked} indeterminate={someTicked && !allTicked} onChange={(e) => onTick(rows.map((r) => r.id), e.currentTarget.checked)} />
            </Table.Th>
            <Table.Th>Item</Table.Th>
            <Table.Th>Status</Table.Th>
            <SortHeader field="value" label="Value" sort={sort} onSort={onSort} align="right" />
            <Table.Th>Condition</Table.Th>
            <SortHeader field="created_at" label="Waiting" sort={sort} onSort={onSort} />
            <SortHeader field="sla_due" label="SLA due" sort={sort} onSort={onSort} />
            <Table.Th>Holder</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const state = stateStyle(queue, row.state);
            const selected = row.id === selectedId;
            const sla = slaText(row, nowMs);
            const className = rowClass(props, row);
            return (
              <Table.Tr
                key={row.id}
                data-row-id={row.id}
                className={className}
                aria-selected={selected}
                data-fresh={freshIds.has(row.id) || undefined}
                data-leaving={leavingIds.has(row.id) || undefined}
                onClick={(e) => {
                  if ((e.target as HTMLElement).closest('button, a, input, label')) return;
                  onSelect(row.id);
                }}
                onDoubleClick={() => onOpen(row.id)}
                style={{ cursor: 'pointer' }}
              >
                <Table.Td>
                  <Checkbox aria-label={`Select ${row.title}`} checked={ticked.has(row.id)} onChange={(e) => onTick([row.id], e.currentTarget.checked)} />
                </Table.Td>
                <Table.Td miw={220} maw={420}>
                  {/* Whole titles, wrapped: items that share a long prefix differ at the end. */}
                  <Anchor component="button" type="button" size="sm" fw={600} ta="left" onClick={() => onOpen(row.id)} className={classes.title}>
                    {row.title}
                  </Anchor>
                  <Text size="xs" c="dimmed" lineClamp={1}>
                    {row.sellerName ?? 'Unknown seller'}
                    {row.waitingOn === 'seller' ? ' · waiting on the seller' : row.waitingOn === 'buyer' ? ' · waiting on the buyer' : ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    {/* Never cut to "Waiting f…": the column takes the badge's width. */}
                    <Badge variant="light" color={state.color} miw="fit-content" styles={{ label: { overflow: 'visible' } }}>
                      {state.label}
                    </Badge>
                    {row.priority >= 2 && (
                      <Badge variant="filled" color="red" tt="none">
                        Escalated
                      </Badge>
                    )}
                    {row.priority === 1 && (
                      <Badge variant="filled" color="orange" tt="none">
                        At risk
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {formatMoney({ amountMinor: row.valueMinor, currency: row.currency })}
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    {row.conditions.slice(0, 3).map((c) => (
                      <Badge key={c} size="sm" variant="outline" color="gray">
                        {c}
                      </Badge>
                    ))}
                    {row.conditions.length > 3 && <Text size="xs">+{row.conditions.length - 3}</Text>}
                  </Group>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm" title={formatDateTime(row.createdAtMs)}>
                    {formatRelativeTime(row.createdAtMs, now).replace(/ ago$/, '')}
                  </Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm" c={sla.color} title={row.slaDueAtMs ? formatDateTime(row.slaDueAtMs) : undefined}>
                    {sla.text}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <HolderLabel holder={holderOf(row, nowMs)} meId={meId} decided={itemPhase(row.queue, row.state) === 'closed'} />
                </Table.Td>
                <Table.Td ta="right">
                  <ClaimCell row={row} meId={meId} isLead={isLead} nowMs={nowMs} busy={busyId === row.id} onClaim={onClaim} onRelease={onRelease} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
