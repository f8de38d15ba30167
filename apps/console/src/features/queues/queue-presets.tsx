// Saved views of a queue: personal ones and those colleagues shared with the team. Choosing one
// applies its filter and sort (into the URL); only its owner can delete a view.
import { ActionIcon, Button, Group, Menu, Modal, Stack, Switch, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { queueFilterSchema, queueSortSchema, type QueueFilter, type QueueName, type QueueSort } from '@marketdesk/domain';
import { type FormEvent, useState } from 'react';
import { fieldErrors, trpc } from '../../trpc';

export interface QueuePresetsProps {
  queue: QueueName;
  filter: QueueFilter;
  sort: QueueSort;
  onApply: (view: { filter: QueueFilter; sort: QueueSort }) => void;
}

/** A stored view, read with today's schemas (an outdated field is dropped, not trusted). */
function viewOf(p: { filter: unknown; sort: unknown }): { filter: QueueFilter; sort: QueueSort } {
  const filter = queueFilterSchema.safeParse(p.filter);
  const sort = queueSortSchema.safeParse(p.sort);
  return { filter: filter.success ? filter.data : {}, sort: sort.success ? sort.data : { field: 'created_at', direction: 'asc' } };
}

export function QueuePresets({ queue, filter, sort, onApply }: QueuePresetsProps) {
  const utils = trpc.useUtils();
  const presets = trpc.queues.presets.useQuery({ queue });
  const [saving, setSaving] = useState(false);
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const save = trpc.queues.savePreset.useMutation({
    onSuccess: (preset) => {
      notifications.show({ color: 'green', title: 'View saved', message: preset.shared ? `“${preset.name}” is shared with the team.` : `“${preset.name}” is in your saved views.` });
      setSaving(false);
      setName('');
      void utils.queues.presets.invalidate({ queue });
    },
  });
  const remove = trpc.queues.deletePreset.useMutation({
    onSuccess: () => void utils.queues.presets.invalidate({ queue }),
    onError: (error) => notifications.show({ color: 'red', title: 'Could not delete the view', message: error.message }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ queue, name: name.trim(), shared, filter, sort });
  };
  const mine = presets.data?.filter((p) => p.mine) ?? [];
  const team = presets.data?.filter((p) => !p.mine) ?? [];

  return (
    <Group gap="xs">
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>
          <Button size="xs" variant="default" loading={presets.isPending}>
            Saved views{presets.data?.length ? ` (${presets.data.length})` : ''}
          </Button>
        </Menu.Target>
        <Menu.Dropdown miw={260}>
          {presets.isError && <Menu.Label c="red">Could not load saved views</Menu.Label>}
          {presets.data?.length === 0 && <Menu.Label>No saved views yet</Menu.Label>}
          {mine.length > 0 && <Menu.Label>Yours</Menu.Label>}
          {mine.map((p) => (
            <Menu.Item
              key={p.id}
              onClick={() => onApply(viewOf(p))}
              rightSection={
                <ActionIcon
                  component="span"
                  size="sm"
                  variant="subtle"
                  color="red"
                  aria-label={`Delete view ${p.name}`}
                  onClick={(e) => {
                    e.stopPropagation();
                    remove.mutate({ id: p.id });
                  }}
                >
                  ×
                </ActionIcon>
              }
            >
              {p.name}
              {p.shared ? ' · shared' : ''}
            </Menu.Item>
          ))}
          {team.length > 0 && <Menu.Label>Shared by the team</Menu.Label>}
          {team.map((p) => (
            <Menu.Item key={p.id} onClick={() => onApply(viewOf(p))}>
              {p.name}{' '}
              <Text span size="xs" c="dimmed">
                by {p.owner.name}
              </Text>
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      <Button size="xs" variant="subtle" onClick={() => setSaving(true)}>
        Save this view
      </Button>
      <Modal opened={saving} onClose={() => setSaving(false)} title="Save this view">
        <form onSubmit={submit} noValidate>
          <Stack>
            <TextInput label="Name" placeholder="e.g. Over €100, unclaimed" value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={60} required data-autofocus error={fieldErrors(save.error).name} />
            <Switch label="Share with the team" description="Everyone who works this queue sees it; only you can delete it." checked={shared} onChange={(e) => setShared(e.currentTarget.checked)} />
            {save.error && !fieldErrors(save.error).name && (
              <Text size="sm" c="red" role="alert">
                {save.error.message}
              </Text>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setSaving(false)}>
                Cancel
              </Button>
              <Button type="submit" loading={save.isPending} disabled={!name.trim()}>
                Save view
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Group>
  );
}
