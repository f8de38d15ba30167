// Step two of signing in when two-factor is on: the 6-digit code from the authenticator app, or one
// of the recovery codes. The challenge comes from step one (or from a Google sign-in redirect).
import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { trpc, type Me } from '../app/trpc';

export function SecondFactorStep({ challenge, onSignedIn, onRestart }: { challenge: string; onSignedIn: (me: Me) => void; onRestart: () => void }) {
  const [useRecovery, setUseRecovery] = useState(false);
  const [value, setValue] = useState('');
  const step = trpc.auth.loginSecondFactor.useMutation({
    onSuccess: (result) => {
      if (result.status === 'signed_in') {
        const { status: _status, ...me } = result;
        onSignedIn(me as Me);
      }
    },
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    step.mutate(useRecovery ? { challenge, recoveryCode: value.trim() } : { challenge, code: value.trim() });
  };
  const expired = step.error?.message.includes('expired');
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <Text size="sm">{useRecovery ? 'Enter one of the recovery codes you saved when you set up two-factor sign-in. Each works once.' : 'Open your authenticator app and enter the 6-digit code for Marketdesk.'}</Text>
        {step.error && (
          <Alert color="red" variant="light" role="alert" title="Could not sign you in">
            {step.error.message}
          </Alert>
        )}
        <TextInput
          key={useRecovery ? 'recovery' : 'code'}
          label={useRecovery ? 'Recovery code' : 'Authentication code'}
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
          autoComplete="one-time-code"
          inputMode={useRecovery ? 'text' : 'numeric'}
          maxLength={useRecovery ? 11 : 7}
          autoFocus
          required
        />
        <Button type="submit" loading={step.isPending} fullWidth>
          Verify
        </Button>
        <Anchor component="button" type="button" size="sm" onClick={() => { setUseRecovery(!useRecovery); setValue(''); step.reset(); }}>
          {useRecovery ? 'Use a code from the app instead' : 'Use a recovery code'}
        </Anchor>
        {expired && (
          <Anchor component="button" type="button" size="sm" onClick={onRestart}>
            Start again
          </Anchor>
        )}
      </Stack>
    </form>
  );
}
