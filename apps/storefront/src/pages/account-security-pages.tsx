// The pages behind the emailed links (reset a password, confirm an address) and the request for a
// reset link. The token travels in the query string; the page sends it only when the person acts,
// so a mail scanner that opens the link does not use it up.
import { Paper, Stack, Text, Title } from '@mantine/core';
import { ForgotPasswordForm, ResetPasswordForm, VerifyEmailView } from '@marketdesk/ui/account';
import { Link, useSearchParams } from 'react-router';

function Frame({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="xl" radius="lg" maw={440} mx="auto" my="xl">
      <Stack>
        <Title order={1} size="h2">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

export function ForgotPasswordPage() {
  return (
    <Frame title="Reset your password">
      <ForgotPasswordForm />
      <Text size="sm" ta="center">
        <Link to="/login">Back to sign in</Link>
      </Text>
    </Frame>
  );
}

export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  return (
    <Frame title="Choose a new password">
      {token ? <ResetPasswordForm token={token} signInHref="/login" /> : <Text>This link is incomplete. <Link to="/forgot-password">Ask for a new one.</Link></Text>}
    </Frame>
  );
}

export function VerifyEmailPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  return (
    <Frame title="Confirm your email address">
      {token ? <VerifyEmailView token={token} /> : <Text>This link is incomplete. Ask for a new one from your account page.</Text>}
    </Frame>
  );
}
