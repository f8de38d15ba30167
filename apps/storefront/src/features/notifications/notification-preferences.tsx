// The "Notifications" card on /account: per kind, in-app and email switches. Each switch saves at
// once (the switch moves first, and moves back with a message if the server refuses).
import { Group, Paper, Skeleton, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { notifications as toasts } from '@mantine/notifications';
import { ErrorState } from '@marketdesk/ui';
import type { RouterOutputs } from '../../lib/api-types';
import { trpc } from '../../trpc';
import { groupPreferences } from './notification-kinds';

type Preference = RouterOutputs['notifications']['preferences'][number];

function PreferenceRows({ prefs, onChange, saving }: { prefs: Preference[]; onChange: (p: Preference) => void; saving: string | null }) {
  return (
    <>
      {prefs.map((p) => (
        <Table.Tr key={p.kind}>
          <Table.Td>
            <Text size="sm">{p.label}</Text>
          </Table.Td>
          <Table.Td w={80}>
            <Switch aria-label={`${p.label}: in the app`} checked={p.inApp} onChange={(e) => onChange({ ...p, inApp: e.currentTarget.checked })} disabled={saving === p.kind} />
          </Table.Td>
          <Table.Td w={80}>
            <Switch aria-label={`${p.label}: by email`} checked={p.email} onChange={(e) => onChange({ ...p, email: e.currentTarget.checked })} disabled={saving === p.kind} />
          </Table.Td>
        </Table.Tr>
      ))}
    </>
  );
}

export function NotificationPreferences({ sells }: { sells: boolean }) {
  const utils = trpc.useUtils();
  const prefs = trpc.notifications.preferences.useQuery();
  const save = trpc.notifications.setPreference.useMutation({
    onMutate: async (next) => {
      await utils.notifications.preferences.cancel();
      const before = utils.notifications.preferences.getData();
      utils.notifications.preferences.setData(undefined, (old) => old?.map((p) => (p.kind === next.kind ? { ...p, inApp: next.inApp, email: next.email } : p)));
      return { before };
    },
    onError: (error, _next, context) => {
      if (context?.before) utils.notifications.preferences.setData(undefined, context.before);
      toasts.show({ color: 'red', title: 'Could not save', message: error.message });
    },
    onSuccess: () => toasts.show({ color: 'green', title: 'Saved', message: 'Your notification settings are updated.', autoClose: 2000 }),
  });
  const change = (p: Preference) => save.mutate({ kind: p.kind, inApp: p.inApp, email: p.email });
  const saving = save.isPending ? (save.variables?.kind ?? null) : null;

  let body;
  if (prefs.isPending) body = <Skeleton height={160} aria-label="Loading your notification settings" />;
  else if (prefs.isError) body = <ErrorState title="Could not load your notification settings" error={prefs.error} onRetry={() => void prefs.refetch()} />;
  else {
    const { buying, selling } = groupPreferences(prefs.data, sells);
    body = (
      <Table layout="fixed" verticalSpacing="xs" aria-label="Notification settings">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Tell me when</Table.Th>
            <Table.Th w={80}>In app</Table.Th>
            <Table.Th w={80}>Email</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <PreferenceRows prefs={buying} onChange={change} saving={saving} />
          {selling.length > 0 && (
            <>
              <Table.Tr>
                <Table.Th colSpan={3} pt="md">
                  <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
                    As a seller
                  </Text>
                </Table.Th>
              </Table.Tr>
              <PreferenceRows prefs={selling} onChange={change} saving={saving} />
            </>
          )}
        </Table.Tbody>
      </Table>
    );
  }
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="notification-settings">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} size="h4" id="notification-settings">
            Notifications
          </Title>
        </Group>
        <Text size="sm" c="dimmed">
          Choose how we tell you about your orders: in the app (the bell at the top) and by email.
        </Text>
        {body}
      </Stack>
    </Paper>
  );
}
