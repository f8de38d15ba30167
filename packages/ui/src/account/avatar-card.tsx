// The profile photo: shown with the initials as a fallback; a new one is uploaded over plain HTTP
// (POST /uploads/avatar, same origin, session cookie) and becomes a 256 px square on the server.
import { Avatar, Button, FileButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { trpc, type Me } from '../app/trpc';

const initials = (name: string) => name.split(/\s+/).filter(Boolean).slice(0, 2).map((w) => w[0]!.toUpperCase()).join('');

export function AvatarCard({ me }: { me: Me }) {
  const utils = trpc.useUtils();
  const [busy, setBusy] = useState(false);
  const upload = async (file: File | null) => {
    if (!file) return;
    setBusy(true);
    try {
      const form = new FormData();
      form.append('file', file);
      const res = await fetch('/uploads/avatar', { method: 'POST', body: form, credentials: 'same-origin' });
      const body = (await res.json()) as { avatarUrl?: string; error?: { message: string } };
      if (!res.ok) throw new Error(body.error?.message ?? 'The photo could not be saved.');
      await utils.auth.me.invalidate();
      notifications.show({ color: 'green', title: 'Photo saved', message: 'Your new photo is shown to others.' });
    } catch (err) {
      notifications.show({ color: 'red', title: 'Could not save the photo', message: (err as Error).message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder p="lg" radius="md" maw={720}>
      <Stack>
        <Title order={2} size="h4">
          Photo
        </Title>
        <Group>
          <Avatar src={me.avatarUrl} alt={me.avatarUrl ? `Photo of ${me.displayName}` : undefined} size={72} radius="xl">
            {initials(me.displayName)}
          </Avatar>
          <Stack gap={4}>
            <FileButton onChange={(f) => void upload(f)} accept="image/jpeg,image/png,image/webp">
              {(props) => (
                <Button {...props} variant="default" loading={busy}>
                  {me.avatarUrl ? 'Change photo' : 'Upload a photo'}
                </Button>
              )}
            </FileButton>
            <Text size="xs" c="dimmed">JPEG, PNG or WebP up to 5 MB; shown as a square.</Text>
          </Stack>
        </Group>
      </Stack>
    </Paper>
  );
}
