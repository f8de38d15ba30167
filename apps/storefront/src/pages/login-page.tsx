// Storefront sign-in; the API's refusal (wrong password, too many attempts) is shown as written.
// With two-factor on, a second step asks for the code (also after Google, via ?challenge=).
import { Alert, Anchor, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { CredentialsFields } from '@marketdesk/ui';
import { GoogleSignInButton, SecondFactorStep } from '@marketdesk/ui/account';
import { loginInput } from '@marketdesk/domain';
import { type FormEvent, useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { safeNext } from '../features/auth/require-auth';
import { issuesByField, useMe } from '../features/auth/use-session';
import { fieldErrors, trpc } from '../trpc';

export function LoginPage() {
  const me = useMe();
  const utils = trpc.useUtils();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [challenge, setChallenge] = useState<string | null>(params.get('challenge'));
  const signedIn = (user: Parameters<typeof utils.auth.me.setData>[1]) => {
    utils.auth.me.setData(undefined, user);
    void navigate(next, { replace: true });
  };
  const login = trpc.auth.login.useMutation({
    onSuccess: (result) => {
      if (result.status === 'two_factor_required') return setChallenge(result.challenge);
      const { status: _status, ...user } = result;
      signedIn(user);
    },
  });
  if (me.data && !login.isPending) return <Navigate to={next} replace />;
  if (challenge) {
    return (
      <Paper withBorder p="xl" radius="lg" maw={400} mx="auto" my="xl">
        <Stack>
          <Title order={1} size="h2">
            Two-factor sign-in
          </Title>
          <SecondFactorStep challenge={challenge} onSignedIn={signedIn} onRestart={() => setChallenge(null)} />
        </Stack>
      </Paper>
    );
  }

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = loginInput.safeParse({ email, password });
    if (!parsed.success) return setClientErrors(issuesByField(parsed.error.issues));
    setClientErrors({});
    login.mutate(parsed.data);
  };
  const serverFieldErrors = fieldErrors(login.error);
  const errors = { ...serverFieldErrors, ...clientErrors };

  return (
    <Paper withBorder p="xl" radius="lg" maw={400} mx="auto" my="xl">
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <Title order={1} size="h2">
            Sign in
          </Title>
          {params.get('error')?.startsWith('google') && !login.error && (
            <Alert color="red" variant="light" role="alert" title="Google sign-in did not complete">
              Try again, or sign in with your email and password.
            </Alert>
          )}
          {login.error && Object.keys(serverFieldErrors).length === 0 && (
            <Alert color="red" variant="light" role="alert" title="Could not sign you in">
              {login.error.message}
            </Alert>
          )}
          <CredentialsFields email={email} password={password} onEmailChange={setEmail} onPasswordChange={setPassword} errors={errors} />
          <Button type="submit" loading={login.isPending}>
            Sign in
          </Button>
          <Anchor component={Link} to="/forgot-password" size="sm" ta="center">
            Forgot your password?
          </Anchor>
          <GoogleSignInButton returnTo={typeof window === 'undefined' ? '/' : `${window.location.origin}${next}`} />
          <Text size="sm" ta="center">
            New here?{' '}
            <Anchor component={Link} to={params.get('next') ? `/register?next=${encodeURIComponent(next)}` : '/register'}>
              Create an account
            </Anchor>
          </Text>
        </Stack>
      </form>
    </Paper>
  );
}
