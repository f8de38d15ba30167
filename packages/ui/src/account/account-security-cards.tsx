// Email confirmation and password change, for the profile/account pages of both apps.
import { Alert, Badge, Button, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { changePasswordInput } from '@marketdesk/domain';
import { type FormEvent, useState } from 'react';
import { fieldErrors, trpc, type Me } from '../app/trpc';

/** Shown until the address is confirmed; sends a fresh link on request. */
export function EmailVerificationBanner({ me }: { me: Me }) {
  const resend = trpc.auth.requestEmailVerification.useMutation({
    onSuccess: () => notifications.show({ color: 'green', title: 'Link sent', message: `Check ${me.email} for the confirmation link.` }),
    onError: (error) => notifications.show({ color: 'red', title: 'Could not send the link', message: error.message }),
  });
  if (me.emailVerified) return null;
  return (
    <Alert color="yellow" variant="light" title="Confirm your email address" mb="md" role="note">
      <Group justify="space-between" gap="xs">
        <Text size="sm">We sent a link to {me.email}. Confirming it lets us reach you about orders and keeps your account recoverable.</Text>
        <Button size="xs" variant="light" onClick={() => resend.mutate()} loading={resend.isPending}>
          Send a new link
        </Button>
      </Group>
    </Alert>
  );
}

export function ChangePasswordCard({ me }: { me: Me }) {
  const utils = trpc.useUtils();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const change = trpc.auth.changePassword.useMutation({
    onSuccess: (r) => {
      setCurrent('');
      setNext('');
      void utils.auth.sessions.invalidate();
      notifications.show({ color: 'green', title: 'Password changed', message: r.signedOutSessions ? `${r.signedOutSessions} other device${r.signedOutSessions === 1 ? ' was' : 's were'} signed out.` : 'No other device was signed in.' });
    },
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = changePasswordInput.safeParse({ currentPassword: current, newPassword: next });
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
      return setClientErrors(errors);
    }
    setClientErrors({});
    change.mutate(parsed.data);
  };
  const errors = { ...fieldErrors(change.error), ...clientErrors };
  return (
    <Paper withBorder p="lg" radius="md" maw={720}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <Group justify="space-between">
            <Title order={2} size="h4">
              Password
            </Title>
            <Badge color={me.emailVerified ? 'green' : 'yellow'} variant="light">
              {me.emailVerified ? 'Email confirmed' : 'Email not confirmed'}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">Changing it signs out every other device.</Text>
          {change.error && !Object.keys(fieldErrors(change.error)).length && (
            <Alert color="red" variant="light" role="alert">
              {change.error.message}
            </Alert>
          )}
          <input type="text" name="username" autoComplete="username" value={me.email} readOnly hidden />
          <PasswordInput label="Current password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.currentTarget.value)} error={errors.currentPassword} required maw={360} />
          <PasswordInput label="New password" description="At least 10 characters." autoComplete="new-password" value={next} onChange={(e) => setNext(e.currentTarget.value)} error={errors.newPassword} required maw={360} />
          <Button type="submit" loading={change.isPending} style={{ alignSelf: 'flex-start' }}>
            Change password
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

/** "Continue with Google", only when the API has Google sign-in configured. */
export function GoogleSignInButton({ returnTo }: { returnTo: string }) {
  const providers = trpc.auth.providers.useQuery(undefined, { staleTime: 5 * 60_000 });
  if (!providers.data?.google) return null;
  return (
    <Button component="a" href={`/auth/google/start?returnTo=${encodeURIComponent(returnTo)}`} variant="default" fullWidth>
      Continue with Google
    </Button>
  );
}
