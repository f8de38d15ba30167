// Two-factor sign-in (TOTP): set-up with a QR code (and the key as text for manual entry), a first
// code to confirm, the ten recovery codes shown once; afterwards new recovery codes or turning it off.
import { Alert, Badge, Button, Code, Group, Image, List, Paper, PasswordInput, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { ErrorState } from '../ErrorState/ErrorState';
import { LoadingState } from '../LoadingState/LoadingState';
import { Timestamp } from '../Timestamp/Timestamp';
import { trpc } from '../app/trpc';

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  return (
    <Stack>
      <Alert color="yellow" variant="light" title="Save your recovery codes">
        Each code signs you in once if you lose your phone. They are shown only now: print them or keep them in a password manager.
      </Alert>
      <SimpleGrid cols={2} spacing="xs" component="ul" aria-label="Recovery codes" style={{ listStyle: 'none', padding: 0 }}>
        {codes.map((c) => (
          <li key={c}>
            <Code>{c}</Code>
          </li>
        ))}
      </SimpleGrid>
      <Button onClick={onDone} style={{ alignSelf: 'flex-start' }}>
        I have saved these codes
      </Button>
    </Stack>
  );
}

/** Enrolment: begin → scan → confirm with a code → recovery codes. */
export function TwoFactorSetup({ onEnabled }: { onEnabled?: () => void }) {
  const utils = trpc.useUtils();
  const [code, setCode] = useState('');
  const [codes, setCodes] = useState<string[] | null>(null);
  const begin = trpc.auth.beginTwoFactor.useMutation();
  const confirm = trpc.auth.confirmTwoFactor.useMutation({ onSuccess: (r) => setCodes(r.recoveryCodes) });
  const done = () => {
    void utils.auth.twoFactorStatus.invalidate();
    void utils.auth.me.invalidate();
    notifications.show({ color: 'green', title: 'Two-factor sign-in is on', message: 'You will be asked for a code when you sign in.' });
    onEnabled?.();
  };
  if (codes) return <RecoveryCodes codes={codes} onDone={done} />;
  if (!begin.data) {
    return (
      <Stack align="flex-start">
        {begin.error && <Alert color="red" role="alert">{begin.error.message}</Alert>}
        <Button onClick={() => begin.mutate()} loading={begin.isPending}>
          Set up two-factor sign-in
        </Button>
      </Stack>
    );
  }
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    confirm.mutate({ code: code.trim() });
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <List type="ordered" size="sm" spacing={4}>
          <List.Item>Open an authenticator app (Google Authenticator, 1Password, Authy…).</List.Item>
          <List.Item>Scan this QR code, or type the setup key.</List.Item>
          <List.Item>Enter the 6-digit code the app shows.</List.Item>
        </List>
        <Group align="flex-start">
          <Image src={begin.data.qrDataUrl} alt="QR code for your authenticator app" w={180} h={180} />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="totp-setup-key-label">
              Setup key
            </Text>
            <Code aria-labelledby="totp-setup-key-label" data-testid="totp-secret" style={{ wordBreak: 'break-all' }}>
              {begin.data.secret}
            </Code>
          </Stack>
        </Group>
        <TextInput label="Authentication code" value={code} onChange={(e) => setCode(e.currentTarget.value)} autoComplete="one-time-code" inputMode="numeric" maxLength={7} error={confirm.error?.message} required maw={220} />
        <Button type="submit" loading={confirm.isPending} style={{ alignSelf: 'flex-start' }}>
          Turn on
        </Button>
      </Stack>
    </form>
  );
}

function TurnOff() {
  const utils = trpc.useUtils();
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const disable = trpc.auth.disableTwoFactor.useMutation({
    onSuccess: () => {
      void utils.auth.twoFactorStatus.invalidate();
      void utils.auth.me.invalidate();
      notifications.show({ color: 'green', title: 'Two-factor sign-in is off', message: 'You sign in with your password only.' });
    },
  });
  return (
    <form onSubmit={(e) => { e.preventDefault(); disable.mutate({ password, code: code.trim() }); }} noValidate>
      <Group align="flex-end">
        <PasswordInput label="Password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.currentTarget.value)} required />
        <TextInput label="Code to turn off" description="From your app, or a recovery code" value={code} onChange={(e) => setCode(e.currentTarget.value)} autoComplete="one-time-code" maxLength={11} required />
        <Button type="submit" color="red" variant="light" loading={disable.isPending}>
          Turn off
        </Button>
      </Group>
      {disable.error && <Text c="red" size="sm" role="alert" mt="xs">{disable.error.message}</Text>}
    </form>
  );
}

function NewRecoveryCodes() {
  const [code, setCode] = useState('');
  const regenerate = trpc.auth.regenerateRecoveryCodes.useMutation();
  if (regenerate.data) return <RecoveryCodes codes={regenerate.data.recoveryCodes} onDone={() => regenerate.reset()} />;
  return (
    <form onSubmit={(e) => { e.preventDefault(); regenerate.mutate({ code: code.trim() }); }} noValidate>
      <Group align="flex-end">
        <TextInput label="Code for new recovery codes" value={code} onChange={(e) => setCode(e.currentTarget.value)} inputMode="numeric" maxLength={7} error={regenerate.error?.message} required />
        <Button type="submit" variant="default" loading={regenerate.isPending}>
          New recovery codes
        </Button>
      </Group>
    </form>
  );
}

export function TwoFactorCard() {
  const status = trpc.auth.twoFactorStatus.useQuery();
  return (
    <Paper withBorder p="lg" radius="md" maw={720}>
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h4">
            Two-factor sign-in
          </Title>
          {status.data && <Badge color={status.data.enabled ? 'green' : 'gray'}>{status.data.enabled ? 'On' : 'Off'}</Badge>}
        </Group>
        {status.isPending && <LoadingState label="Loading…" rows={1} />}
        {status.isError && <ErrorState title="Could not load two-factor status" error={status.error} onRetry={() => void status.refetch()} />}
        {status.data && !status.data.enabled && (
          <>
            <Text size="sm" c="dimmed">A code from your phone as well as your password: a stolen password alone no longer opens your account.</Text>
            <TwoFactorSetup />
          </>
        )}
        {status.data?.enabled && (
          <>
            <Text size="sm">
              On since {status.data.enabledAt ? <Timestamp value={status.data.enabledAt} shape="date" /> : 'set-up'} · {status.data.recoveryCodesLeft} recovery code{status.data.recoveryCodesLeft === 1 ? '' : 's'} left
            </Text>
            <NewRecoveryCodes />
            {status.data.required ? <Text size="sm" c="dimmed">Staff accounts must keep two-factor sign-in on.</Text> : <TurnOff />}
          </>
        )}
      </Stack>
    </Paper>
  );
}
