// The audit log's search form: actor (picked by name or email), action (a trailing * for a family),
// object, date range.
import { Button, Group, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { PersonPicker, type PeopleSearch, type PersonOption } from '../people/person-picker';

export interface AuditFilter {
  actorId?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  from?: string;
  to?: string;
}

/** Query string for the CSV export (the same filters the table shows). */
export function auditCsvHref(filter: AuditFilter): string {
  const params = new URLSearchParams(Object.entries(filter).filter(([, v]) => v) as [string, string][]);
  return `/files/audit.csv${params.size ? `?${params.toString()}` : ''}`;
}

type TextFilter = Required<Omit<AuditFilter, 'actorId'>>;
const empty: TextFilter = { action: '', objectType: '', objectId: '', from: '', to: '' };

export function AuditFilters({ onSearch, usePeopleSearch }: { onSearch: (filter: AuditFilter) => void; usePeopleSearch: PeopleSearch }) {
  const [draft, setDraft] = useState(empty);
  const [actor, setActor] = useState<PersonOption | null>(null);
  // Read the value now: the event's currentTarget is gone by the time a state updater runs.
  const set = (key: keyof AuditFilter) => (e: { currentTarget: HTMLInputElement }) => {
    const value = e.currentTarget.value;
    setDraft((d) => ({ ...d, [key]: value }));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const typed = Object.fromEntries(Object.entries(draft).map(([k, v]) => [k, v.trim()]).filter(([, v]) => v)) as AuditFilter;
    onSearch(actor ? { actorId: actor.id, ...typed } : typed);
  };
  return (
    <form onSubmit={submit} aria-label="Search the audit log">
      <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
        <PersonPicker label="Actor" placeholder="Name or email" value={actor} onChange={setActor} useSearch={usePeopleSearch} w={300} />
        <TextInput label="Action" placeholder="e.g. trpc.orders.* or pii.revealed" value={draft.action} onChange={set('action')} w={240} />
        <TextInput label="Object type" placeholder="order, role, ledger_transfer…" value={draft.objectType} onChange={set('objectType')} w={180} />
        <TextInput label="Object id" value={draft.objectId} onChange={set('objectId')} w={300} />
        <TextInput label="From" type="date" value={draft.from} onChange={set('from')} />
        <TextInput label="To (before)" type="date" value={draft.to} onChange={set('to')} />
        <Button type="submit">Search</Button>
        <Button
          variant="subtle"
          onClick={() => {
            setDraft(empty);
            setActor(null);
            onSearch({});
          }}
        >
          Clear
        </Button>
      </Group>
    </form>
  );
}
