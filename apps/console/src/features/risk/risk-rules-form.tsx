// The rule editor: thresholds that hold risky checkouts for review. Leads save a new version on the
// one they opened; a concurrent edit is refused with a reload.
import { Alert, Button, Card, Group, NumberInput, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ErrorState, LoadingState } from '@marketdesk/ui';
import { useEffect, useState } from 'react';
import { trpc } from '../../trpc';

const fields = [
  { key: 'holdThreshold', label: 'Hold for review at score', min: 1, max: 100 },
  { key: 'maxOrdersPerBuyerPerHour', label: 'Orders per buyer per hour', min: 1, max: 100 },
  { key: 'maxOrdersPerIpPerHour', label: 'Orders per IP address per hour', min: 1, max: 1000 },
  { key: 'maxOtherBuyersPerCardPerHour', label: 'Other buyers on one card per hour', min: 1, max: 100 },
  { key: 'amountSpikeFactor', label: 'Amount spike (× buyer average)', min: 1.5, max: 100, decimals: 1 },
  { key: 'newAccountDays', label: 'New account (days)', min: 0, max: 365 },
  { key: 'highValueMinor', label: 'High value for a new account (€)', min: 0, max: 1_000_000, euros: true },
] as const;

type Rules = Record<(typeof fields)[number]['key'], number>;

export function RiskRulesForm({ canEdit }: { canEdit: boolean }) {
  const current = trpc.risk.rules.useQuery();
  const [draft, setDraft] = useState<Rules | null>(null);
  useEffect(() => {
    if (current.data) setDraft({ holdThreshold: current.data.holdThreshold, maxOrdersPerBuyerPerHour: current.data.maxOrdersPerBuyerPerHour, maxOrdersPerIpPerHour: current.data.maxOrdersPerIpPerHour, maxOtherBuyersPerCardPerHour: current.data.maxOtherBuyersPerCardPerHour, amountSpikeFactor: current.data.amountSpikeFactor, newAccountDays: current.data.newAccountDays, highValueMinor: current.data.highValueMinor });
  }, [current.data]);
  const save = trpc.risk.saveRules.useMutation({
    onSuccess: (saved) => {
      notifications.show({ color: 'green', title: 'Rules saved', message: `Version ${saved.version} applies to checkouts from now on.` });
      void current.refetch();
    },
  });
  if (current.isPending || !draft) return <LoadingState label="Loading the rules…" />;
  if (current.isError) return <ErrorState title="Could not load the rules" error={current.error} onRetry={() => void current.refetch()} />;
  return (
    <Card withBorder component="form" aria-label="Risk rules" onSubmit={(e) => { e.preventDefault(); save.mutate({ version: current.data.version, rules: draft }); }}>
      <Stack>
        <Text size="sm" c="dimmed">
          Each signal adds points: buyer velocity 40, IP velocity 35 (public addresses only), a card other buyers used 45, a card from another country 15 (live cards only), amount spike 25, new account with a high value 45, a shipping country the buyer never used 20, a staff flag 60. Version {current.data.version || 'default'}.
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {fields.map((f) => (
            <NumberInput
              key={f.key}
              label={f.label}
              min={f.min}
              max={f.max}
              decimalScale={'decimals' in f ? f.decimals : 'euros' in f ? 2 : 0}
              value={'euros' in f ? draft[f.key] / 100 : draft[f.key]}
              onChange={(v) => setDraft((d) => d && { ...d, [f.key]: 'euros' in f ? Math.round(Number(v || 0) * 100) : Number(v || 0) })}
              disabled={!canEdit}
            />
          ))}
        </SimpleGrid>
        {save.error && <Alert color={save.error.data?.code === 'CONFLICT' ? 'yellow' : 'red'}>{save.error.message}</Alert>}
        {canEdit ? (
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              Save new version
            </Button>
          </Group>
        ) : (
          <Text size="xs" c="dimmed">
            Only leads (admins) change the rules.
          </Text>
        )}
      </Stack>
    </Card>
  );
}
