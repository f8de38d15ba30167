// Console sign-in. Client-side checks use the same zod schema as the API; server refusals
// (wrong password, lockout) are shown as the API words them. With two-factor on, a second step asks
// for the authenticator code (also after a Google sign-in, which arrives with ?challenge=).
import { Alert, Anchor, Button, Center, Divider, Paper, Stack, Text, Title } from '@mantine/core';
import { CredentialsFields } from '@marketdesk/ui';
import { ForgotPasswordForm, GoogleSignInButton, SecondFactorStep } from '@marketdesk/ui/account';
import { loginInput } from '@marketdesk/domain';
import { type FormEvent, useState } from 'react';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
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
  const [params] = useSearchParams();
  const [challenge, setChallenge] = useState<string | null>(params.get('challenge'));
  const [forgot, setForgot] = useState(false);
  const signedIn = (user: Parameters<typeof utils.auth.me.setData>[1]) => {
    utils.auth.me.setData(undefined, user);
    void navigate(from, { replace: true });
  };
  const login = trpc.auth.login.useMutation({
    onSuccess: (result) => {
      if (result.status === 'two_factor_required') return setChallenge(result.challenge);
      const { status: _status, ...user } = result;
      signedIn(user);
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
        {challenge ? (
          <Stack>
            <Title order={1} size="h2">
              Two-factor sign-in
            </Title>
            <SecondFactorStep challenge={challenge} onSignedIn={signedIn} onRestart={() => setChallenge(null)} />
          </Stack>
        ) : forgot ? (
          <Stack>
            <Title order={1} size="h2">
              Reset your password
            </Title>
            <ForgotPasswordForm initialEmail={email} />
            <Divider />
            <Anchor component="button" type="button" size="sm" onClick={() => setForgot(false)}>
              Back to sign in
            </Anchor>
          </Stack>
        ) : (
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
            {params.get('error')?.startsWith('google') && !login.error && (
              <Alert color="red" variant="light" role="alert" title="Google sign-in did not complete">
                Try again, or sign in with your email and password.
              </Alert>
            )}
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
            <Anchor component="button" type="button" size="sm" onClick={() => setForgot(true)}>
              Forgot your password?
            </Anchor>
            <GoogleSignInButton returnTo={`${window.location.origin}${from}`} />
            <Text size="xs" c="dimmed" ta="center">
              Shopping on Marketdesk? Sign in on the storefront instead.
            </Text>
          </Stack>
        </form>
        )}
      </Paper>
    </Center>
  );
}
