// Who holds which roles: find people by name or email (emails masked; Reveal is audited) and set
// their roles. The last admin cannot be demoted (the API refuses with a reason).
import { Alert, Button, Group, MultiSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { EmptyState, ErrorState, LoadingState } from '@marketdesk/ui';
import { useState } from 'react';
import { trpc, type RouterOutputs } from '../../trpc';

type Person = RouterOutputs['roles']['people'][number];

function PersonRow({ person, roleNames }: { person: Person; roleNames: string[] }) {
  const utils = trpc.useUtils();
  const [roles, setRoles] = useState(person.roles);
  const [email, setEmail] = useState<string | null>(null);
  const assign = trpc.roles.assign.useMutation({
    onSuccess: () => {
      notifications.show({ title: 'Roles saved', message: `${person.displayName} now holds: ${roles.join(', ') || 'no roles'}.` });
      void utils.roles.people.invalidate();
      void utils.roles.list.invalidate();
    },
  });
  const reveal = trpc.pii.reveal.useMutation({ onSuccess: (r) => setEmail(String(r.value)) });
  return (
    <Table.Tr>
      <Table.Td>{person.displayName}</Table.Td>
      <Table.Td>
        <Group gap="xs">
          <Text size="sm">{email ?? person.email}</Text>
          {person.emailMasked && email === null && (
            <Button size="compact-xs" variant="subtle" onClick={() => reveal.mutate({ kind: 'user_email', id: person.id })} loading={reveal.isPending} aria-label={`Reveal the email of ${person.displayName}`}>
              Reveal
            </Button>
          )}
        </Group>
        {reveal.error && (
          <Text size="xs" c="red">
            {reveal.error.message}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <MultiSelect aria-label={`Roles of ${person.displayName}`} data={roleNames} value={roles} onChange={setRoles} size="xs" />
        {assign.error && (
          <Text size="xs" c="red">
            {assign.error.message}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Button size="xs" onClick={() => assign.mutate({ userId: person.id, roles })} loading={assign.isPending}>
          Save
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}

export function RoleAssignments({ roleNames }: { roleNames: string[] }) {
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const people = trpc.roles.people.useQuery({ q }, { enabled: q.length > 0 });
  let body;
  if (!q) body = <Text c="dimmed" size="sm">Search for someone by name or email to change their roles.</Text>;
  else if (people.isPending) body = <LoadingState label="Searching…" />;
  else if (people.isError) body = <ErrorState title="Could not search" error={people.error} onRetry={() => void people.refetch()} />;
  else if (people.data.length === 0) body = <EmptyState title="Nobody found" description="Try part of the name or the email address." />;
  else
    body = (
      <Table aria-label="People and their roles">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Email</Table.Th>
            <Table.Th>Roles</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {people.data.map((p) => (
            <PersonRow key={p.id} person={p} roleNames={roleNames} />
          ))}
        </Table.Tbody>
      </Table>
    );
  return (
    <Stack gap="sm">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setQ(draft.trim());
        }}
        aria-label="Find people"
      >
        <Group align="flex-end">
          <TextInput label="Find people" value={draft} onChange={(e) => setDraft(e.currentTarget.value)} w={320} />
          <Button type="submit" variant="light">
            Search
          </Button>
        </Group>
      </form>
      <Alert variant="light" color="gray">
        Emails are masked; Reveal shows one and records it in the audit log.
      </Alert>
      {body}
    </Stack>
  );
}
