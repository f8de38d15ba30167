// Edit your display name. Validated with the API's own schema; the result is announced by a toast.
import { Button, Paper, Stack, TextInput } from '@mantine/core';
import { updateProfileInput } from '@marketdesk/domain';
import { notifications } from '@mantine/notifications';
import { PageHeader } from '@marketdesk/ui';
import { type FormEvent, useState } from 'react';
import { AvatarCard, ChangePasswordCard, TwoFactorCard } from '@marketdesk/ui/account';
import { SessionsCard } from '../features/auth/sessions-card';
import { NotificationPreferencesCard } from '../features/notifications/notification-preferences-card';
import { useMe } from '../features/auth/use-session';
import { fieldErrors, trpc, type Me } from '../trpc';

function ProfileForm({ me }: { me: Me }) {
  const utils = trpc.useUtils();
  const [displayName, setDisplayName] = useState(me.displayName);
  const [clientError, setClientError] = useState<string | null>(null);
  const update = trpc.profile.update.useMutation({
    onSuccess: (updated) => {
      utils.auth.me.setData(undefined, updated);
      setDisplayName(updated.displayName);
      notifications.show({ color: 'green', title: 'Profile saved', message: `You now appear as ${updated.displayName}.` });
    },
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = updateProfileInput.safeParse({ displayName });
    if (!parsed.success) {
      setClientError(parsed.error.issues[0]?.message ?? 'Check the name');
      return;
    }
    setClientError(null);
    update.mutate(parsed.data);
  };
  const error = clientError ?? fieldErrors(update.error).displayName ?? update.error?.message;
  const unchanged = displayName.trim() === me.displayName;

  return (
    <Paper withBorder p="lg" radius="md" maw={480}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <TextInput label="Email" value={me.email} readOnly disabled />
          <TextInput
            label="Display name"
            description="Shown to your team in presence and activity."
            value={displayName}
            onChange={(e) => setDisplayName(e.currentTarget.value)}
            error={error}
            maxLength={80}
            required
          />
          <Button type="submit" loading={update.isPending} disabled={unchanged} style={{ alignSelf: 'flex-start' }}>
            Save
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

export function ProfilePage() {
  const me = useMe();
  return (
    <>
      <PageHeader title="Profile" description="How you appear to others, and how you sign in." />
      {me.data && (
        <Stack gap="xl">
          <ProfileForm me={me.data} />
          <AvatarCard me={me.data} />
          <NotificationPreferencesCard />
          <ChangePasswordCard me={me.data} />
          <TwoFactorCard />
          <SessionsCard />
        </Stack>
      )}
    </>
  );
}
