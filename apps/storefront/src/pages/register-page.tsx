// Sign up. Buyers by default; "I want to sell" adds the seller role. Same zod schema as the API.
import { Alert, Anchor, Button, Checkbox, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { registerInput } from '@marketdesk/domain';
import { type ChangeEvent, type FormEvent, useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { safeNext } from '../features/auth/require-auth';
import { issuesByField, useMe } from '../features/auth/use-session';
import { fieldErrors, trpc } from '../trpc';

export function RegisterPage() {
  const me = useMe();
  const utils = trpc.useUtils();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [form, setForm] = useState({ displayName: '', email: '', password: '', asSeller: false });
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const register = trpc.auth.register.useMutation({
    onSuccess: (user) => {
      utils.auth.me.setData(undefined, user);
      void navigate(next, { replace: true });
    },
  });
  if (me.data && !register.isPending) return <Navigate to={next} replace />;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = registerInput.safeParse(form);
    if (!parsed.success) return setClientErrors(issuesByField(parsed.error.issues));
    setClientErrors({});
    register.mutate(parsed.data);
  };
  const serverFieldErrors = fieldErrors(register.error);
  const errors = { ...serverFieldErrors, ...clientErrors };
  const set = (key: 'displayName' | 'email' | 'password') => (e: ChangeEvent<HTMLInputElement>) => {
    // Read the value now: the event's currentTarget is gone by the time the updater runs.
    const value = e.currentTarget.value;
    setForm((f) => ({ ...f, [key]: value }));
  };

  return (
    <Paper withBorder p="xl" radius="lg" maw={440} mx="auto" my="xl">
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <Title order={1} size="h2">
            Create your account
          </Title>
          {register.error && Object.keys(serverFieldErrors).length === 0 && (
            <Alert color="red" variant="light" role="alert" title="Could not create your account">
              {register.error.message}
            </Alert>
          )}
          <TextInput label="Display name" autoComplete="nickname" value={form.displayName} onChange={set('displayName')} error={errors.displayName} required />
          <TextInput label="Email" type="email" autoComplete="email" value={form.email} onChange={set('email')} error={errors.email} required />
          <PasswordInput
            label="Password"
            description="At least 10 characters."
            autoComplete="new-password"
            value={form.password}
            onChange={set('password')}
            error={errors.password}
            required
          />
          <Checkbox
            label="I want to sell"
            description="Sell records to Marketdesk or list them yourself. You can still buy."
            checked={form.asSeller}
            onChange={(e) => {
              const asSeller = e.currentTarget.checked;
              setForm((f) => ({ ...f, asSeller }));
            }}
          />
          <Button type="submit" loading={register.isPending}>
            Create account
          </Button>
          <Text size="sm" ta="center">
            Already have an account?{' '}
            <Anchor component={Link} to={params.get('next') ? `/login?next=${encodeURIComponent(next)}` : '/login'}>
              Sign in
            </Anchor>
          </Text>
        </Stack>
      </form>
    </Paper>
  );
}
