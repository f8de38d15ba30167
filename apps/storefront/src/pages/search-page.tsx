// Search (/search?q=…) and category pages (/c/:slug): URL-driven state, facets (a drawer on
// phones), sort, results with "Load more", spelling correction and a helpful empty state.
import { Alert, Anchor, Badge, Box, Button, Drawer, Grid, Group, List, Select, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { EmptyState, ErrorState } from '@marketdesk/ui';
import { keepPreviousData } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { GridSkeleton } from '../features/catalog/grid-skeleton';
import { ListingGrid } from '../features/catalog/listing-card';
import { SearchFacets } from '../features/search/search-facets';
import { activeFilterCount, parseSearchParams, sorts, toSearchInput, toSearchParams, type SearchState, type SortValue } from '../features/search/search-state';
import { categoryHead, simpleHead } from '../features/seo/head';
import { useHead } from '../features/seo/use-head';
import type { RouterOutputs } from '../lib/api-types';
import { plural } from '../lib/format';
import { trpc } from '../trpc';
import { NotFoundPage } from './not-found-page';

const resultColumns = { base: 2, sm: 3, lg: 4 };

type CategoryTree = RouterOutputs['catalog']['categories'];

/** A category anywhere in the tree, by slug. */
export function findCategory(tree: CategoryTree, slug: string): { slug: string; name: string } | null {
  for (const node of tree) {
    if (node.slug === slug) return { slug: node.slug, name: node.name };
    const inner = findCategory(node.children, slug);
    if (inner) return inner;
  }
  return null;
}

function useSearchState(fixedCategory?: string) {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const state = parseSearchParams(params, fixedCategory);
  const update = (next: SearchState) => {
    if (fixedCategory && next.category !== fixedCategory) {
      // Choosing another category on a category page goes to that category's page.
      const query = toSearchParams(next, true).toString();
      void navigate(next.category ? `/c/${next.category}${query ? `?${query}` : ''}` : `/search${query ? `?${query}` : ''}`);
      return;
    }
    setParams(toSearchParams(next, Boolean(fixedCategory)), { preventScrollReset: true });
  };
  return { state, update };
}

function Tips() {
  return (
    <List size="sm" ta="left" spacing={4}>
      <List.Item>Check the spelling of the artist or title.</List.Item>
      <List.Item>Use fewer words: “beatles abbey” finds more than a full title.</List.Item>
      <List.Item>Remove a filter or two.</List.Item>
    </List>
  );
}

function SearchView({ title, fixedCategory, description }: { title: string; fixedCategory?: string; description?: string }) {
  const { state, update } = useSearchState(fixedCategory);
  const [filtersOpen, filters] = useDisclosure(false);
  const search = trpc.catalog.search.useInfiniteQuery(toSearchInput(state), {
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const first = search.data?.pages[0];
  const items = search.data?.pages.flatMap((p) => p.items) ?? [];
  const total = first?.total ?? 0;
  const filterCount = activeFilterCount(state, fixedCategory);
  const facets = <SearchFacets state={state} facets={first?.facets} onChange={update} fixedCategory={fixedCategory} />;

  let results;
  if (search.isPending) results = <GridSkeleton count={12} label="Searching…" cols={resultColumns} />;
  else if (search.isError) results = <ErrorState title="Search failed" error={search.error} onRetry={() => void search.refetch()} />;
  else if (total === 0) {
    const suggestion = first?.suggestion;
    results = (
      <EmptyState
        title={state.q ? `No records match “${state.q}”` : 'No records match these filters'}
        description={suggestion ? undefined : 'Nothing on the shelves fits this search yet.'}
        action={
          <Stack gap="md" align="center">
            {suggestion && (
              <Text>
                Did you mean{' '}
                <Anchor component={Link} to={`${fixedCategory ? `/c/${fixedCategory}` : '/search'}?${toSearchParams({ ...state, q: suggestion }, Boolean(fixedCategory))}`} fw={700}>
                  {suggestion}
                </Anchor>
                ?
              </Text>
            )}
            <Tips />
            {filterCount > 0 && (
              <Button variant="light" onClick={() => update({ ...state, category: fixedCategory ?? null, conditions: [], price: null, seller: null, inStock: false })}>
                Clear filters
              </Button>
            )}
          </Stack>
        }
      />
    );
  } else {
    results = (
      <Stack gap="lg">
        <Box style={{ opacity: search.isPlaceholderData ? 0.6 : 1, transition: 'opacity 150ms' }} aria-busy={search.isPlaceholderData}>
          <ListingGrid listings={items} label="Search results" cols={resultColumns} />
        </Box>
        <Stack align="center" gap={6}>
          <Text size="sm" c="dimmed" aria-live="polite">
            Showing {items.length} of {plural(total, 'record')}
          </Text>
          {search.hasNextPage && (
            <Button variant="default" onClick={() => void search.fetchNextPage()} loading={search.isFetchingNextPage}>
              Load more
            </Button>
          )}
          {search.isFetchNextPageError && <Text size="sm" c="red">Could not load more results. Try again.</Text>}
        </Stack>
      </Stack>
    );
  }

  return (
    <Stack gap="lg" py="lg">
      <Stack gap={4}>
        <Title order={1} size="h2">
          {title}
        </Title>
        {description && <Text c="dimmed">{description}</Text>}
      </Stack>
      {first?.correctedQuery && (
        <Alert variant="light" color="blue" p="sm">
          Showing results for <strong>{first.correctedQuery}</strong>.{' '}
          <Text span size="sm" c="dimmed">
            No exact matches for “{state.q}”.
          </Text>
        </Alert>
      )}
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 3 }} visibleFrom="md">
          <Box component="aside" aria-label="Filters" pos="sticky" top={88}>
            {facets}
          </Box>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9 }}>
          <Stack gap="md">
            <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
              <Text fw={600} aria-live="polite">
                {search.isPending ? 'Searching…' : plural(total, 'record')}
              </Text>
              <Group gap="sm" wrap="nowrap" align="flex-end">
                <Button hiddenFrom="md" variant="default" onClick={filters.open} rightSection={filterCount ? <Badge size="sm" circle>{filterCount}</Badge> : undefined}>
                  Filters
                </Button>
                <Select
                  label="Sort by"
                  data={sorts.map((s) => ({ value: s.value, label: s.label }))}
                  value={state.sort}
                  onChange={(v) => v && update({ ...state, sort: v as SortValue })}
                  allowDeselect={false}
                  w={190}
                  size="sm"
                />
              </Group>
            </Group>
            {results}
          </Stack>
        </Grid.Col>
      </Grid>
      <Drawer opened={filtersOpen} onClose={filters.close} title="Filters" position="left" size="sm" hiddenFrom="md">
        <Stack>
          {facets}
          <Button onClick={filters.close}>Show {plural(total, 'record')}</Button>
        </Stack>
      </Drawer>
    </Stack>
  );
}

export function SearchPage() {
  const [params] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  useHead({ ...simpleHead(q ? `Search: ${q}` : 'Search records', `/search${q ? `?q=${encodeURIComponent(q)}` : ''}`), robots: 'noindex, follow' });
  return <SearchView title={q ? `Results for “${q}”` : 'All records'} />;
}

export function CategoryPage() {
  const { slug = '' } = useParams();
  const categories = trpc.catalog.categories.useQuery();
  const [params] = useSearchParams();
  const category = categories.data ? findCategory(categories.data, slug) : null;
  const firstPage = trpc.useUtils().catalog.search.getInfiniteData(toSearchInput(parseSearchParams(params, slug)))?.pages[0];
  useHead(category ? categoryHead(category, firstPage) : null);
  if (categories.isPending) return <GridSkeleton count={8} label="Loading category…" />;
  if (categories.isError) return <ErrorState error={categories.error} onRetry={() => void categories.refetch()} />;
  if (!category) return <NotFoundPage />;
  return <SearchView key={slug} title={category.name} fixedCategory={slug} description={`${category.name} from independent sellers, graded and held in escrow until they arrive.`} />;
}

