// "Forgot your password?": asks for the address and always answers the same way, whether or not an
// account exists (the API never says).
import { Alert, Button, Stack, Text, TextInput } from '@mantine/core';
import { requestPasswordResetInput } from '@marketdesk/domain';
import { type FormEvent, useState } from 'react';
import { trpc } from '../app/trpc';

export function ForgotPasswordForm({ initialEmail = '' }: { initialEmail?: string }) {
  const [email, setEmail] = useState(initialEmail);
  const [error, setError] = useState<string | null>(null);
  const request = trpc.auth.requestPasswordReset.useMutation();
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = requestPasswordResetInput.safeParse({ email });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'Enter your email');
    setError(null);
    request.mutate(parsed.data);
  };
  if (request.isSuccess) {
    return (
      <Alert color="green" variant="light" role="status" title="Check your inbox">
        If an account uses {email.trim().toLowerCase()}, we have sent it a link to choose a new password. The link works once and expires in 30 minutes.
      </Alert>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <Text size="sm">Enter the email address of your account and we will send you a link to choose a new password.</Text>
        {request.error && (
          <Alert color="red" variant="light" role="alert">
            {request.error.message}
          </Alert>
        )}
        <TextInput label="Email" type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={error} required />
        <Button type="submit" loading={request.isPending}>
          Send reset link
        </Button>
      </Stack>
    </form>
  );
}
