// Roles and permissions for admins (roles.manage): permissions are declared in code; roles are data
// — create, rename, choose each role's grants and scopes, and assign roles to people.
import { Accordion, Badge, Divider, Group, Text, Title } from '@mantine/core';
import { EmptyState, ErrorState, LoadingState, PageHeader } from '@marketdesk/ui';
import { RoleAssignments } from '../features/roles/role-assignments';
import { NewRoleForm, RoleGrantsEditor } from '../features/roles/role-grants-editor';
import { trpc } from '../trpc';

export function RolesPage() {
  const list = trpc.roles.list.useQuery();
  let body;
  if (list.isPending) body = <LoadingState label="Loading roles…" />;
  else if (list.isError) body = <ErrorState title="Could not load roles" error={list.error} onRetry={() => void list.refetch()} />;
  else if (list.data.roles.length === 0) body = <EmptyState title="No roles" description="The built-in roles are created by the database migration." />;
  else
    body = (
      <Accordion variant="separated" multiple>
        {list.data.roles.map((role) => (
          <Accordion.Item key={`${role.name}:${role.version}`} value={role.name}>
            <Accordion.Control>
              <Group gap="sm">
                <Text fw={600}>{role.name}</Text>
                {role.builtIn && <Badge variant="light">built-in</Badge>}
                {role.staff && <Badge variant="light" color="grape">staff</Badge>}
                <Text size="sm" c="dimmed">
                  {Object.keys(role.grants).length} permissions · {role.holders} {role.holders === 1 ? 'person' : 'people'}
                </Text>
              </Group>
            </Accordion.Control>
            <Accordion.Panel>
              <RoleGrantsEditor role={role} permissions={list.data.permissions} />
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    );

  return (
    <>
      <PageHeader title="Roles" description="What each role may do, and who holds it. Built-in roles keep their names, and admins always keep console access and role management." />
      <NewRoleForm />
      <Divider my="md" />
      {body}
      <Title order={2} size="h4" mt="xl" mb="sm">
        People
      </Title>
      <RoleAssignments roleNames={list.data?.roles.map((r) => r.name) ?? []} />
    </>
  );
}
