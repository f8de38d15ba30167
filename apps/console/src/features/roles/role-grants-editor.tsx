// One role's grants: every declared permission with its scope (none / own / assigned / any), the
// staff flag, description and (for roles admins created) the name. Saved on the version seen.
import { Alert, Button, Checkbox, Group, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { trpc, type RouterOutputs } from '../../trpc';

type Roles = RouterOutputs['roles']['list'];
type RoleView = Roles['roles'][number];
type Scope = 'any' | 'own' | 'assigned';

const scopeOptions = [
  { value: '', label: 'not granted' },
  { value: 'own', label: 'own' },
  { value: 'assigned', label: 'assigned' },
  { value: 'any', label: 'any' },
];

export function RoleGrantsEditor({ role, permissions }: { role: RoleView; permissions: Roles['permissions'] }) {
  const utils = trpc.useUtils();
  const [grants, setGrants] = useState<Record<string, Scope>>(role.grants as Record<string, Scope>);
  const [staff, setStaff] = useState(role.staff);
  const [description, setDescription] = useState(role.description);
  const [name, setName] = useState(role.name);
  const update = trpc.roles.update.useMutation({
    onSuccess: (saved) => {
      notifications.show({ title: 'Role saved', message: `${saved.name} now grants what you set. Every API process picks it up within a second.` });
      void utils.roles.list.invalidate();
      void utils.roles.effective.invalidate();
    },
  });
  const save = () =>
    update.mutate({ name: role.name, version: role.version, description, staff, grants, ...(name !== role.name ? { newName: name } : {}) });

  return (
    <Stack gap="sm">
      {update.error && (
        <Alert color="red" title="Not saved">
          {update.error.message}
        </Alert>
      )}
      <Group align="flex-end" wrap="wrap">
        <TextInput label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} disabled={role.builtIn} description={role.builtIn ? 'Built-in roles keep their names.' : undefined} />
        <Checkbox label="Staff (works the queues)" checked={staff} onChange={(e) => setStaff(e.currentTarget.checked)} />
      </Group>
      <Textarea label="Description" value={description} onChange={(e) => setDescription(e.currentTarget.value)} autosize maxRows={3} />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="xs">
        {permissions.map((p) => (
          <Select
            key={p}
            label={p}
            size="xs"
            data={scopeOptions}
            value={grants[p] ?? ''}
            allowDeselect={false}
            onChange={(value) =>
              setGrants((g) => {
                const next = { ...g };
                if (value) next[p] = value as Scope;
                else delete next[p];
                return next;
              })
            }
          />
        ))}
      </SimpleGrid>
      <Group>
        <Button onClick={save} loading={update.isPending}>
          Save {role.name}
        </Button>
      </Group>
    </Stack>
  );
}

export function NewRoleForm() {
  const utils = trpc.useUtils();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const create = trpc.roles.create.useMutation({
    onSuccess: (r) => {
      notifications.show({ title: 'Role created', message: `${r.name} grants nothing yet: open it to choose its permissions.` });
      setName('');
      setDescription('');
      void utils.roles.list.invalidate();
    },
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate({ name, description, staff: false, grants: {} });
      }}
      aria-label="Create a role"
    >
      <Group align="flex-end" wrap="wrap">
        <TextInput label="New role name" placeholder="e.g. support_lead" value={name} onChange={(e) => setName(e.currentTarget.value)} required error={create.error?.message} />
        <TextInput label="Description" value={description} onChange={(e) => setDescription(e.currentTarget.value)} w={320} />
        <Button type="submit" loading={create.isPending}>
          Create role
        </Button>
      </Group>
    </form>
  );
}
