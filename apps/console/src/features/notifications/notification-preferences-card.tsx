// "Notifications" on the Profile page: for each kind of notification, whether it shows in the
// console (the bell) and whether it is emailed. Each switch saves at once and says so.
import { Paper, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { notifications as toasts } from '@mantine/notifications';
import { ErrorState, LoadingState } from '@marketdesk/ui';
import { trpc } from '../../trpc';

type Channel = 'inApp' | 'email';

export function NotificationPreferencesCard() {
  const utils = trpc.useUtils();
  const prefs = trpc.notifications.preferences.useQuery();
  const save = trpc.notifications.setPreference.useMutation({
    onMutate: async (input) => {
      await utils.notifications.preferences.cancel();
      const before = utils.notifications.preferences.getData();
      utils.notifications.preferences.setData(undefined, (rows) => rows?.map((r) => (r.kind === input.kind ? { ...r, inApp: input.inApp, email: input.email } : r)));
      return { before };
    },
    onSuccess: (_r, input) => {
      const label = prefs.data?.find((p) => p.kind === input.kind)?.label ?? 'Preference';
      toasts.show({ id: `pref-${input.kind}`, color: 'green', title: 'Saved', message: `${label}: ${[input.inApp && 'in the console', input.email && 'by email'].filter(Boolean).join(' and ') || 'off'}.`, autoClose: 2500 });
    },
    onError: (error, _input, context) => {
      if (context?.before) utils.notifications.preferences.setData(undefined, context.before);
      toasts.show({ color: 'red', title: 'Could not save the preference', message: error.message });
    },
  });

  const toggle = (kind: (typeof prefs.data & object)[number], channel: Channel, on: boolean) =>
    save.mutate({ kind: kind.kind, inApp: channel === 'inApp' ? on : kind.inApp, email: channel === 'email' ? on : kind.email });

  let body;
  if (prefs.isPending) body = <LoadingState label="Loading your preferences…" rows={3} />;
  else if (prefs.isError) body = <ErrorState title="Could not load your preferences" error={prefs.error} onRetry={() => void prefs.refetch()} />;
  else
    body = (
      <Table verticalSpacing="xs" aria-label="Notification preferences">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>About</Table.Th>
            <Table.Th ta="center">In the console</Table.Th>
            <Table.Th ta="center">Email</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {prefs.data.map((p) => (
            <Table.Tr key={p.kind}>
              <Table.Td>
                <Text size="sm">{p.label}</Text>
              </Table.Td>
              <Table.Td>
                <Switch mx="auto" w="fit-content" checked={p.inApp} onChange={(e) => toggle(p, 'inApp', e.currentTarget.checked)} aria-label={`${p.label}: in the console`} />
              </Table.Td>
              <Table.Td>
                <Switch mx="auto" w="fit-content" checked={p.email} onChange={(e) => toggle(p, 'email', e.currentTarget.checked)} aria-label={`${p.label}: email`} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    );

  return (
    <Paper withBorder p="lg" radius="md" maw={720} component="section" aria-label="Notifications">
      <Stack>
        <Title order={2} size="h4">
          Notifications
        </Title>
        <Text size="sm" c="dimmed">
          Choose how you hear about each kind of event. The bell in the header shows what is on in the console.
        </Text>
        {body}
      </Stack>
    </Paper>
  );
}
