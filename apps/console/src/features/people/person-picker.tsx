// Pick a person (or a shop) by name or email, searched on the server by the roles page's people
// search (audit.people for the audit log's actor, ledger.sellers for the ledger's seller). Names and
// emails arrive masked as the API decided; the picker never shows an id.
import { Loader, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { errorMessage } from '@marketdesk/ui';
import { useState } from 'react';

export interface PersonOption {
  id: string;
  displayName: string;
  email: string;
  nameMasked: boolean;
  emailMasked: boolean;
}

/** A query hook over a people search: what it found for `q` ('' asks nothing). */
export type PeopleSearch = (q: string) => { data?: readonly PersonOption[] | undefined; isFetching: boolean; error: unknown };

/** "Groove Records · s***@m***.test": enough to tell two people of one name apart. */
export function personOptionLabel(p: PersonOption): string {
  return `${p.displayName} · ${p.email}`;
}

export interface PersonPickerProps {
  label: string;
  placeholder?: string;
  value: PersonOption | null;
  onChange: (person: PersonOption | null) => void;
  useSearch: PeopleSearch;
  w?: number;
}

export function PersonPicker({ label, placeholder, value, onChange, useSearch, w }: PersonPickerProps) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  // Once picked, the input shows the person's label: that is not a new search.
  const q = value && debounced === personOptionLabel(value) ? '' : debounced;
  const found = useSearch(q);
  const people = [...(value ? [value] : []), ...(found.data ?? []).filter((p) => p.id !== value?.id)];
  const nothingFound = !q ? 'Type part of a name or an email' : found.isFetching ? 'Searching…' : found.error ? `Could not search: ${errorMessage(found.error)}` : 'Nobody found';
  return (
    <Select
      label={label}
      placeholder={placeholder ?? 'Name or email'}
      searchable
      clearable
      w={w}
      data={people.map((p) => ({ value: p.id, label: personOptionLabel(p) }))}
      value={value?.id ?? null}
      onChange={(id) => onChange(people.find((p) => p.id === id) ?? null)}
      searchValue={search}
      onSearchChange={setSearch}
      // The server already searched by name and email; the masked labels would not match the words typed.
      filter={({ options }) => options}
      nothingFoundMessage={nothingFound}
      rightSection={found.isFetching ? <Loader size="xs" /> : undefined}
    />
  );
}
