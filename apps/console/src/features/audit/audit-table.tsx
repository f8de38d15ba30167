// Audit rows, newest first; a row opens to show its before/after, request id and user agent.
import { Badge, Code, Collapse, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { formatDateTime } from '@marketdesk/ui';
import { Fragment, useState } from 'react';
import type { RouterOutputs } from '../../trpc';

export type AuditRow = RouterOutputs['audit']['search']['rows'][number];

/** The actor by name (initials when the viewer may not see their data); the id only as a tooltip. */
function ActorName({ row }: { row: AuditRow }) {
  if (!row.actorId) return <Text size="sm">System</Text>;
  const name = row.actor?.name ?? 'A person no longer on record';
  return (
    <Text size="sm" title={row.actor?.nameMasked ? `Initials only: you may not see this person's details (id ${row.actorId})` : `Id ${row.actorId}`}>
      {name}
    </Text>
  );
}

const outcomeColor = (outcome: string) => (outcome === 'ok' ? 'green' : outcome === 'FORBIDDEN' || outcome === 'UNAUTHORIZED' ? 'red' : 'yellow');

export function AuditTable({ rows }: { rows: AuditRow[] }) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="xs" aria-label="Audit log">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>When</Table.Th>
            <Table.Th>Actor</Table.Th>
            <Table.Th>Action</Table.Th>
            <Table.Th>Object</Table.Th>
            <Table.Th>Outcome</Table.Th>
            <Table.Th>IP</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Fragment key={r.id}>
              <Table.Tr>
                <Table.Td>
                  <UnstyledButton onClick={() => setOpen(open === r.id ? null : r.id)} aria-expanded={open === r.id} aria-label={`Details of ${r.action} at ${formatDateTime(r.at)}`}>
                    <Text size="sm" td="underline">
                      {formatDateTime(r.at)}
                    </Text>
                  </UnstyledButton>
                </Table.Td>
                <Table.Td>
                  <ActorName row={r} />
                  {r.actorRoles.length > 0 && (
                    <Text size="xs" c="dimmed">
                      {r.actorRoles.join(', ')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Code>{r.action}</Code>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {r.objectType ?? '—'} {r.objectId && <Code>{r.objectId}</Code>}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge color={outcomeColor(r.outcome)} variant="light">
                    {r.outcome}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{r.ip ?? '—'}</Text>
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Td colSpan={6} p={0} style={{ borderTop: 0 }}>
                  <Collapse expanded={open === r.id}>
                    <Stack gap={4} p="sm">
                      <Text size="xs" c="dimmed">
                        Request {r.requestId ?? '—'} · {r.userAgent ?? 'no user agent'}
                      </Text>
                      {r.before !== null && (
                        <>
                          <Text size="xs" fw={600}>Before</Text>
                          <Code block>{JSON.stringify(r.before, null, 2)}</Code>
                        </>
                      )}
                      {r.after !== null && (
                        <>
                          <Text size="xs" fw={600}>After</Text>
                          <Code block>{JSON.stringify(r.after, null, 2)}</Code>
                        </>
                      )}
                    </Stack>
                  </Collapse>
                </Table.Td>
              </Table.Tr>
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
