// Pricing (/pricing, admins): move a filtered set of listings onto a pricing policy version with
// a dry run first — every listing's price now and under the policy, by how much, where the floor
// holds — then apply exactly that (the API refuses if anything changed since the preview). Also:
// save a new policy version (markdown steps and floor) and run the markdown job now.
import { Alert, Badge, Button, Checkbox, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { EmptyState, ErrorState, PageHeader, errorMessage, formatMoney } from '@marketdesk/ui';
import { type FormEvent, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { flattenCategories } from '../features/listings/categories';
import { emptyBulkForm, toBulkFilter, type BulkFilter, type BulkFormValues } from '../features/markdowns/bulk-policy';
import { errorCode, trpc } from '../trpc';

const eur = (amountMinor: number) => formatMoney({ amountMinor, currency: 'EUR' });
const signed = (deltaMinor: number) => (deltaMinor === 0 ? '—' : `${deltaMinor > 0 ? '+' : '−'}${eur(Math.abs(deltaMinor))}`);

function PolicyEditor({ onSaved }: { onSaved: (id: string) => void }) {
  const [name, setName] = useState('Clearance');
  const [key, setKey] = useState('clearance');
  const [steps, setSteps] = useState('30:10, 60:20, 90:35');
  const [floor, setFloor] = useState<number | string>(2.99);
  const save = trpc.markdowns.savePolicy.useMutation({
    onSuccess: (v) => {
      notifications.show({ color: 'green', title: `Saved ${v.name} version ${v.version}`, message: 'Choose it below to preview what it would do.' });
      onSaved(v.id);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const markdown = steps.split(',').map((s) => s.trim()).filter(Boolean).map((s) => {
      const [days, pct] = s.split(':').map((x) => Number(x.trim()));
      return { afterDays: Math.round(days ?? 0), discountBp: Math.round((pct ?? 0) * 100) };
    });
    save.mutate({ key, name, markdown, sellFloorMinor: Math.round(Number(floor) * 100), sellEnding: 'charm' });
  };
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-label="New policy version">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Title order={2} size="h4">
            New policy version
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 4 }}>
            <TextInput label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} required />
            <TextInput label="Key" description="Same key: a new version of that policy" value={key} onChange={(e) => setKey(e.currentTarget.value)} required />
            <TextInput label="Markdown steps" description="days:percent, e.g. 30:10, 60:20" value={steps} onChange={(e) => setSteps(e.currentTarget.value)} required />
            <NumberInput label="Floor (€)" value={floor} onChange={setFloor} min={0} decimalScale={2} required />
          </SimpleGrid>
          {save.isError && (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(save.error)}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={save.isPending}>
              Save version
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function Preview({ policyVersionId, filter, onApplied }: { policyVersionId: string; filter: BulkFilter; onApplied: () => void }) {
  const preview = trpc.markdowns.preview.useQuery({ policyVersionId, filter }, { retry: false });
  const utils = trpc.useUtils();
  const apply = trpc.markdowns.applyPolicy.useMutation({
    onSuccess: (res) => {
      notifications.show({ color: 'green', title: 'Pricing policy applied', message: `${res.summary.listings} listings on ${res.policy.name} v${res.policy.version}; ${res.summary.changed} prices changed.` });
      void utils.markdowns.preview.invalidate();
      onApplied();
    },
  });
  if (preview.isPending) return <Text role="status" c="dimmed">Working out what would change…</Text>;
  if (preview.isError) return <ErrorState title="Could not preview" error={preview.error} onRetry={() => void preview.refetch()} />;
  const { rows, summary } = preview.data;
  if (rows.length === 0) return <EmptyState title="No listings match" description="Widen the filter." />;
  return (
    <Stack gap="sm" component="section" aria-label="Preview">
      <Group gap="xs">
        <Badge variant="light">{summary.listings} listings</Badge>
        <Badge variant="light" color="green">
          {summary.lowered} lower
        </Badge>
        <Badge variant="light" color="orange">
          {summary.raised} higher
        </Badge>
        <Badge variant="light" color="gray">
          {summary.floorBound} at the floor
        </Badge>
        <Text size="sm">Net change {signed(summary.deltaMinor)}</Text>
      </Group>
      <Table aria-label="Price changes preview" striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Listing</Table.Th>
            <Table.Th ta="right">Days in stock</Table.Th>
            <Table.Th ta="right">Now</Table.Th>
            <Table.Th ta="right">Under the policy</Table.Th>
            <Table.Th ta="right">Change</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.listingId}>
              <Table.Td>
                <Text size="sm" component={Link} to={`/listings/${r.listingId}/edit`} td="underline">
                  {r.title}
                </Text>
                <Text size="xs" c="dimmed">
                  {r.sellerName}
                </Text>
              </Table.Td>
              <Table.Td ta="right">{r.days}</Table.Td>
              <Table.Td ta="right">{eur(r.fromMinor)}</Table.Td>
              <Table.Td ta="right">
                {eur(r.toMinor)} {r.floorBound && <Badge size="xs" variant="light" color="gray">floor</Badge>}
              </Table.Td>
              <Table.Td ta="right" c={r.deltaMinor < 0 ? 'green' : r.deltaMinor > 0 ? 'orange' : undefined}>
                {signed(r.deltaMinor)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {apply.isError && (
        <Alert color={errorCode(apply.error) === 'CONFLICT' ? 'yellow' : 'red'} variant="light" role="alert" title="Not applied">
          {errorMessage(apply.error)}
        </Alert>
      )}
      <Group>
        <Button onClick={() => apply.mutate({ policyVersionId, filter, previewToken: preview.data.previewToken })} loading={apply.isPending} color="orange">
          Apply to {summary.listings} listings
        </Button>
        <Text size="sm" c="dimmed">
          Applies exactly this preview; if a price or the matching set changed meanwhile, nothing is applied.
        </Text>
      </Group>
    </Stack>
  );
}

export function PricingPage() {
  const policies = trpc.markdowns.policies.useQuery();
  const categories = trpc.catalog.categories.useQuery(undefined, { staleTime: 5 * 60_000 });
  const categoryOptions = useMemo(() => flattenCategories(categories.data ?? []), [categories.data]);
  const [form, setForm] = useState<BulkFormValues>(emptyBulkForm);
  const [asked, setAsked] = useState<{ policyVersionId: string; filter: BulkFilter } | null>(null);
  const runNow = trpc.markdowns.runNow.useMutation({
    onSuccess: (r) => notifications.show({ color: 'green', title: 'Markdowns run', message: `${r.checked} listings checked, ${r.lowered} lowered.` }),
    onError: (error) => notifications.show({ color: 'red', title: 'Markdown run failed', message: errorMessage(error) }),
  });
  const set = <K extends keyof BulkFormValues>(k: K, v: BulkFormValues[K]) => setForm((f) => ({ ...f, [k]: v }));
  const policyOptions = (policies.data ?? []).map((p) => ({ value: p.id, label: `${p.name} · v${p.version} (${p.policy.markdown.map((s) => `${s.afterDays} d −${s.discountBp / 100} %`).join(', ')}; floor ${eur(p.policy.sellFloorMinor)})` }));
  const preview = (e: FormEvent) => {
    e.preventDefault();
    if (form.policyVersionId) setAsked({ policyVersionId: form.policyVersionId, filter: toBulkFilter(form) });
  };
  return (
    <Stack gap="lg">
      <PageHeader
        title="Pricing"
        description="Markdowns lower prices by age in stock, once per step, never below the floor; the daily job applies them. Every change is recorded with its policy version."
        actions={
          <Button variant="default" onClick={() => runNow.mutate()} loading={runNow.isPending}>
            Run markdowns now
          </Button>
        }
      />
      <Paper withBorder p="lg" radius="md" component="section" aria-label="Apply a policy">
        <form onSubmit={preview}>
          <Stack gap="sm">
            <Title order={2} size="h4">
              Apply a policy to listings
            </Title>
            {policies.isError && <ErrorState error={policies.error} onRetry={() => void policies.refetch()} />}
            <Select label="Policy version" data={policyOptions} value={form.policyVersionId} onChange={(v) => set('policyVersionId', v)} placeholder={policies.isPending ? 'Loading policies…' : 'Choose a policy version'} required />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput label="Title contains" value={form.q} onChange={(e) => set('q', e.currentTarget.value)} />
              <Select label="Category" data={categoryOptions} value={form.categoryId} onChange={(v) => set('categoryId', v)} clearable searchable />
              <NumberInput label="At least days in stock" value={form.minDaysInStock} onChange={(v) => set('minDaysInStock', v)} min={0} allowDecimal={false} />
              <NumberInput label="Price from (€)" value={form.minPrice} onChange={(v) => set('minPrice', v)} min={0} decimalScale={2} />
              <NumberInput label="Price up to (€)" value={form.maxPrice} onChange={(v) => set('maxPrice', v)} min={0} decimalScale={2} />
              <Checkbox label="Include paused listings" checked={form.includePaused} onChange={(e) => set('includePaused', e.currentTarget.checked)} mt={28} />
            </SimpleGrid>
            <Group>
              <Button type="submit" disabled={!form.policyVersionId}>
                Preview changes
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      {asked && <Preview key={JSON.stringify(asked)} policyVersionId={asked.policyVersionId} filter={asked.filter} onApplied={() => setAsked(null)} />}
      <PolicyEditor onSaved={(id) => set('policyVersionId', id)} />
    </Stack>
  );
}
