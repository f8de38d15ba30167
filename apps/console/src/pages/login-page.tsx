// Console sign-in. Client-side checks use the same zod schema as the API; server refusals
// (wrong password, lockout) are shown as the API words them.
import { Alert, Button, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { CredentialsFields } from '@marketdesk/ui';
import { loginInput } from '@marketdesk/domain';
import { type FormEvent, useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useMe } from '../features/auth/use-session';
import { fieldErrors, trpc } from '../trpc';

export function LoginPage() {
  const me = useMe();
  const utils = trpc.useUtils();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const login = trpc.auth.login.useMutation({
    onSuccess: (user) => {
      utils.auth.me.setData(undefined, user);
      void navigate(from, { replace: true });
    },
  });

  if (me.data) return <Navigate to={from} replace />;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = loginInput.safeParse({ email, password });
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
      setClientErrors(errors);
      return;
    }
    setClientErrors({});
    login.mutate(parsed.data);
  };
  const serverFieldErrors = fieldErrors(login.error);
  const errors = { ...serverFieldErrors, ...clientErrors };
  const showBanner = login.error && Object.keys(serverFieldErrors).length === 0;

  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-body)">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={400} radius="lg">
        <form onSubmit={onSubmit} noValidate>
          <Stack>
            <Stack gap={2}>
              <Text c="dimmed" size="sm" fw={600} tt="uppercase">
                Marketdesk Console
              </Text>
              <Title order={1} size="h2">
                Sign in
              </Title>
            </Stack>
            {showBanner && (
              <Alert color="red" variant="light" role="alert" title="Could not sign you in">
                {login.error.message}
              </Alert>
            )}
            <CredentialsFields
              email={email}
              password={password}
              onEmailChange={setEmail}
              onPasswordChange={setPassword}
              errors={errors}
              autoFocus
            />
            <Button type="submit" loading={login.isPending} fullWidth>
              Sign in
            </Button>
            <Text size="xs" c="dimmed" ta="center">
              Shopping on Marketdesk? Sign in on the storefront instead.
            </Text>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
