// The page behind the emailed reset link: choose a new password (the token is single-use and
// expires); afterwards every device is signed out and the person signs in with the new password.
import { Alert, Button, PasswordInput, Stack } from '@mantine/core';
import { passwordSchema } from '@marketdesk/domain';
import { type FormEvent, useState } from 'react';
import { trpc } from '../app/trpc';

export function ResetPasswordForm({ token, signInHref }: { token: string; signInHref: string }) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const reset = trpc.auth.resetPassword.useMutation();
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = passwordSchema.safeParse(password);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'Choose a longer password');
    setError(null);
    reset.mutate({ token, password });
  };
  if (reset.isSuccess) {
    return (
      <Alert color="green" variant="light" role="status" title="Password changed">
        Your new password is set and every device was signed out. <a href={signInHref}>Sign in</a> with it now.
      </Alert>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        {reset.error && (
          <Alert color="red" variant="light" role="alert" title="Could not change the password">
            {reset.error.message}
          </Alert>
        )}
        <PasswordInput label="New password" description="At least 10 characters." autoComplete="new-password" value={password} onChange={(e) => setPassword(e.currentTarget.value)} error={error} required autoFocus />
        <Button type="submit" loading={reset.isPending}>
          Set new password
        </Button>
      </Stack>
    </form>
  );
}

/** The page behind the emailed verification link: confirms once, then says so. */
export function VerifyEmailView({ token }: { token: string }) {
  const utils = trpc.useUtils();
  const verify = trpc.auth.verifyEmail.useMutation({ onSuccess: () => void utils.auth.me.invalidate() });
  if (verify.isSuccess) {
    return (
      <Alert color="green" variant="light" role="status" title="Email confirmed">
        Thank you — your address is confirmed.
      </Alert>
    );
  }
  return (
    <Stack>
      {verify.error && (
        <Alert color="red" variant="light" role="alert" title="Could not confirm">
          {verify.error.message}
        </Alert>
      )}
      <Button onClick={() => verify.mutate({ token })} loading={verify.isPending} style={{ alignSelf: 'flex-start' }}>
        Confirm my email address
      </Button>
    </Stack>
  );
}
