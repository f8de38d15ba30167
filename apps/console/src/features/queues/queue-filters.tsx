// The queue's filters: status, age, seller, condition, value range, assignee, SLA and who it waits
// on. Every change lands in the URL (the page reads it back), so a view can be shared or saved.
import { Button, Collapse, Group, MultiSelect, NumberInput, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure, useMediaQuery } from '@mantine/hooks';
import { gradeLabels, grades, type QueueFilter, type QueueName } from '@marketdesk/domain';
import { useEffect, useState } from 'react';
import { activeFilterCount } from './queue-params';
import { filterableStates } from './queue-states';

const ageOptions = [
  { value: '', label: 'Any age' },
  { value: 'lt:60', label: 'Under 1 hour' },
  { value: 'lt:1440', label: 'Under 1 day' },
  { value: 'gt:240', label: 'Over 4 hours' },
  { value: 'gt:1440', label: 'Over 1 day' },
  { value: 'gt:2880', label: 'Over 2 days' },
];

const slaOptions = [
  { value: '', label: 'Any' },
  { value: '0', label: 'Overdue' },
  { value: '60', label: 'Due within 1 hour' },
  { value: '240', label: 'Due within 4 hours' },
  { value: '1440', label: 'Due within 1 day' },
];

const assigneeOptions = [
  { value: '', label: 'Anyone or nobody' },
  { value: 'me', label: 'Me' },
  { value: 'unassigned', label: 'Unclaimed' },
  { value: 'anyone', label: 'Claimed by someone' },
];

export function ageValue(f: QueueFilter): string {
  if (f.maxAgeMinutes !== undefined) return `lt:${f.maxAgeMinutes}`;
  if (f.minAgeMinutes !== undefined) return `gt:${f.minAgeMinutes}`;
  return '';
}

function withAge(f: QueueFilter, value: string | null): QueueFilter {
  const { minAgeMinutes: _min, maxAgeMinutes: _max, ...rest } = f;
  const [kind, minutes] = (value ?? '').split(':');
  if (kind === 'lt') return { ...rest, maxAgeMinutes: Number(minutes) };
  if (kind === 'gt') return { ...rest, minAgeMinutes: Number(minutes) };
  return rest;
}

function set<K extends keyof QueueFilter>(f: QueueFilter, key: K, value: QueueFilter[K] | undefined): QueueFilter {
  const next = { ...f };
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) delete next[key];
  else next[key] = value;
  return next;
}

const toMinor = (v: string | number) => (typeof v === 'number' && Number.isFinite(v) ? Math.round(v * 100) : undefined);

export interface QueueFiltersProps {
  queue: QueueName;
  filter: QueueFilter;
  onChange: (filter: QueueFilter) => void;
}

export function QueueFilters({ queue, filter, onChange }: QueueFiltersProps) {
  const [seller, setSeller] = useState(filter.sellerName ?? '');
  const [debounced] = useDebouncedValue(seller, 300);
  useEffect(() => {
    if ((debounced.trim() || undefined) !== filter.sellerName) onChange(set(filter, 'sellerName', debounced.trim() || undefined));
  }, [debounced]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => setSeller(filter.sellerName ?? ''), [filter.sellerName]);

  const count = activeFilterCount(filter);
  // Phones keep the list in view: the filters fold away behind one button.
  const phone = useMediaQuery('(max-width: 36em)');
  const [shown, { toggle }] = useDisclosure(false);
  const grid = (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" verticalSpacing="xs" mb="md" component="section" aria-label="Filters">
      <MultiSelect label="Status" placeholder={filter.states?.length ? undefined : 'Waiting for us'} data={filterableStates(queue)} value={filter.states ?? []} onChange={(v) => onChange(set(filter, 'states', v))} clearable size="xs" />
      <Select label="Waiting" data={ageOptions} value={ageValue(filter)} onChange={(v) => onChange(withAge(filter, v))} allowDeselect={false} size="xs" />
      <TextInput label="Seller" placeholder="Name contains…" value={seller} onChange={(e) => setSeller(e.currentTarget.value)} maxLength={80} size="xs" type="search" />
      <MultiSelect label="Condition" placeholder={filter.conditions?.length ? undefined : 'Any'} data={grades.map((g) => ({ value: g, label: `${g} — ${gradeLabels[g]}` }))} value={filter.conditions ?? []} onChange={(v) => onChange(set(filter, 'conditions', v as QueueFilter['conditions']))} clearable size="xs" />
      <Group gap="xs" grow wrap="nowrap" align="flex-end">
        <NumberInput label="Value from (€)" min={0} decimalScale={2} value={filter.minValueMinor === undefined ? '' : filter.minValueMinor / 100} onChange={(v) => onChange(set(filter, 'minValueMinor', toMinor(v)))} size="xs" hideControls />
        <NumberInput label="to (€)" min={0} decimalScale={2} value={filter.maxValueMinor === undefined ? '' : filter.maxValueMinor / 100} onChange={(v) => onChange(set(filter, 'maxValueMinor', toMinor(v)))} size="xs" hideControls />
      </Group>
      <Select label="Assignee" data={assigneeOptions} value={filter.assignee && assigneeOptions.some((o) => o.value === filter.assignee) ? filter.assignee : ''} onChange={(v) => onChange(set(filter, 'assignee', v || undefined))} allowDeselect={false} size="xs" />
      <Select label="SLA" data={slaOptions} value={filter.slaDueWithinMinutes === undefined ? '' : String(filter.slaDueWithinMinutes)} onChange={(v) => onChange(set(filter, 'slaDueWithinMinutes', v ? Number(v) : undefined))} allowDeselect={false} size="xs" />
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <Select
          label="Waiting on"
          data={[{ value: '', label: 'Us' }, { value: 'seller', label: 'Us or the seller' }, { value: 'staff', label: 'Only us' }]}
          value={filter.waitingOn ?? ''}
          onChange={(v) => onChange(set(filter, 'waitingOn', (v || undefined) as QueueFilter['waitingOn']))}
          allowDeselect={false}
          size="xs"
          style={{ flex: 1 }}
        />
        <Button size="xs" variant="subtle" disabled={count === 0} onClick={() => onChange({})}>
          Clear{count ? ` (${count})` : ''}
        </Button>
      </Group>
    </SimpleGrid>
  );
  if (!phone) return grid;
  return (
    <>
      <Button size="xs" variant="default" mb="sm" onClick={toggle} aria-expanded={shown}>
        {shown ? 'Hide filters' : `Filters${count ? ` (${count})` : ''}`}
      </Button>
      <Collapse expanded={shown}>{grid}</Collapse>
    </>
  );
}
