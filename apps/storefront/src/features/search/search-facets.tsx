// The facet sidebar of search and category pages. Every choice rewrites the URL (the one source of
// the search state); counts come from catalog.search and ignore their own facet's filter.
import { Button, Checkbox, Divider, Group, Radio, Stack, Switch, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { SearchResult } from '../../lib/api-types';
import { conditionLabel } from '../../lib/format';
import { activeFilterCount, toggleCondition, type Grade, type PriceBucket, type SearchState } from './search-state';

export interface SearchFacetsProps {
  state: SearchState;
  facets: SearchResult['facets'] | undefined;
  onChange: (next: SearchState) => void;
  /** On a category page the category is part of the address, not a filter. */
  fixedCategory?: string;
  onCategory?: (slug: string | null) => void;
}

function FacetGroup({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={8} component="fieldset" style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
      <Title order={3} size="h6" component="legend" mb={6} tt="uppercase" c="dimmed" style={{ letterSpacing: '0.04em' }}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}

function Count({ n }: { n: number }) {
  return (
    <Text size="xs" c="dimmed" aria-hidden>
      {n}
    </Text>
  );
}

export function SearchFacets({ state, facets, onChange, fixedCategory, onCategory }: SearchFacetsProps) {
  const filters = activeFilterCount(state, fixedCategory);
  const setCategory = onCategory ?? ((slug: string | null) => onChange({ ...state, category: slug }));
  const conditionCounts = new Map(facets?.condition.map((f) => [f.value, f.count]));
  const conditionValues = facets?.condition.map((f) => f.value as Grade) ?? [];
  // A chosen grade stays visible even when no result has it any more, so it can be unticked.
  for (const g of state.conditions) if (!conditionValues.includes(g)) conditionValues.push(g);
  return (
    <Stack gap="lg">
      {filters > 0 && (
        <Button variant="subtle" size="compact-sm" onClick={() => onChange({ ...state, category: fixedCategory ?? null, conditions: [], price: null, seller: null, inStock: false })} style={{ alignSelf: 'flex-start' }}>
          Clear all filters ({filters})
        </Button>
      )}
      <Switch
        label="In stock only"
        description={facets ? `${facets.inStock} available now` : undefined}
        checked={state.inStock}
        onChange={(e) => onChange({ ...state, inStock: e.currentTarget.checked })}
      />
      {facets && facets.category.length > 0 && (
        <RadioFacet title="Category" value={state.category} anyLabel={fixedCategory ? null : 'All categories'} options={facets.category} onChange={setCategory} />
      )}
      {conditionValues.length > 0 && (
        <FacetGroup title="Condition">
          {conditionValues.map((grade) => (
            <Group key={grade} justify="space-between" wrap="nowrap">
              <Checkbox label={grade} title={conditionLabel(grade)} checked={state.conditions.includes(grade)} onChange={() => onChange(toggleCondition(state, grade))} />
              <Count n={conditionCounts.get(grade) ?? 0} />
            </Group>
          ))}
        </FacetGroup>
      )}
      {facets && (facets.price.length > 0 || state.price) && (
        <RadioFacet title="Price" value={state.price} anyLabel="Any price" options={facets.price} onChange={(v) => onChange({ ...state, price: v as PriceBucket | null })} />
      )}
      {facets && facets.seller.length > 0 && (
        <RadioFacet title="Seller" value={state.seller} anyLabel="Any seller" options={facets.seller} onChange={(v) => onChange({ ...state, seller: v })} />
      )}
      <Divider hiddenFrom="md" />
    </Stack>
  );
}

/** A single-choice facet: "any" plus each value with its count; choosing "any" clears the filter. */
function RadioFacet(p: { title: string; value: string | null; anyLabel: string | null; options: { value: string; label: string; count: number }[]; onChange: (value: string | null) => void }) {
  return (
    <FacetGroup title={p.title}>
      <Radio.Group value={p.value ?? ''} onChange={(v) => p.onChange(v || null)} aria-label={p.title}>
        <Stack gap={8}>
          {p.anyLabel && <Radio value="" label={p.anyLabel} />}
          {p.options.map((f) => (
            <Group key={f.value} justify="space-between" wrap="nowrap">
              <Radio value={f.value} label={f.label} />
              <Count n={f.count} />
            </Group>
          ))}
        </Stack>
      </Radio.Group>
    </FacetGroup>
  );
}
