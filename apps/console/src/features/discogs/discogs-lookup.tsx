// "Look up on Discogs": search releases by artist and title, pick one, see its details and the
// pricing engine's suggestion for the grade, and hand them to the form. Shown only when the API
// says catalog look-ups are configured (`enrichment.capabilities`); otherwise nothing renders.
import { Alert, Badge, Button, Group, Image, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { errorMessage, formatMoney } from '@marketdesk/ui';
import { type FormEvent, useState } from 'react';
import { trpc } from '../../trpc';
import { toPrefill, type DiscogsPrefill } from './discogs-prefill';

const eur = (amountMinor: number) => formatMoney({ amountMinor, currency: 'EUR' });

export function useDiscogsEnabled(): boolean {
  const caps = trpc.enrichment.capabilities.useQuery(undefined, { staleTime: 10 * 60_000 });
  return caps.data?.discogs === true;
}

interface LookupProps {
  artist: string;
  title: string;
  /** The grade to price for (Near Mint when none chosen yet). */
  grade: string | null;
  onApply: (prefill: DiscogsPrefill) => void;
  /** Distinguishes several buttons on one page ("Look up item 2 on Discogs"). */
  label?: string;
}

function Results({ query, selected, onSelect }: { query: { artist: string; title: string }; selected: number | null; onSelect: (id: number) => void }) {
  const search = trpc.enrichment.search.useQuery(query, { retry: false });
  if (search.isPending) return <Text size="sm" c="dimmed" role="status">Searching Discogs…</Text>;
  if (search.isError) return <Alert color="red" variant="light" title="Discogs search failed">{errorMessage(search.error)}</Alert>;
  if (search.data.length === 0) return <Text size="sm">No releases found. Try fewer words.</Text>;
  return (
    <Table highlightOnHover aria-label="Discogs releases">
      <Table.Tbody>
        {search.data.map((r) => (
          <Table.Tr key={r.releaseId} bg={selected === r.releaseId ? 'var(--mantine-primary-color-light)' : undefined}>
            <Table.Td w={48}>{r.thumbUrl ? <Image src={r.thumbUrl} w={40} h={40} radius="sm" alt="" /> : null}</Table.Td>
            <Table.Td>
              <Text size="sm" fw={600}>
                {r.artist} – {r.title}
              </Text>
              <Text size="xs" c="dimmed">
                {[r.year, r.country, r.formats.join(', '), r.labels[0], r.catno].filter(Boolean).join(' · ')}
              </Text>
            </Table.Td>
            <Table.Td w={90}>
              <Button size="compact-sm" variant={selected === r.releaseId ? 'filled' : 'light'} onClick={() => onSelect(r.releaseId)} aria-label={`Choose ${r.artist} – ${r.title}${r.year ? ` (${r.year})` : ''}`}>
                Choose
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Details({ releaseId, grade, onApply }: { releaseId: number; grade: string; onApply: (p: DiscogsPrefill) => void }) {
  const release = trpc.enrichment.release.useQuery({ releaseId }, { retry: false });
  const price = trpc.enrichment.suggestPrice.useQuery({ releaseId, grade: grade as never }, { retry: false });
  if (release.isPending) return <Text size="sm" c="dimmed" role="status">Loading the release…</Text>;
  if (release.isError) return <Alert color="red" variant="light" title="Could not load the release">{errorMessage(release.error)}</Alert>;
  const r = release.data;
  const s = price.data?.suggestion;
  return (
    <Stack gap="xs" component="section" aria-label="Release details">
      <Group gap="xs">
        <Text fw={700}>
          {r.artist} – {r.title}
        </Text>
        <Badge variant="default">{r.format}</Badge>
        {r.year && <Badge variant="default">{r.year}</Badge>}
      </Group>
      <Text size="sm" c="dimmed">
        {[r.label, r.catno, r.genres.join(', ')].filter(Boolean).join(' · ')} · {r.tracklist.length} tracks
      </Text>
      {price.isPending ? (
        <Text size="sm" c="dimmed">Asking the market…</Text>
      ) : price.isError ? (
        <Text size="sm" c="red">Prices unavailable: {errorMessage(price.error)}</Text>
      ) : s ? (
        <Text size="sm">
          Suggested price for {grade}: <strong>{eur(s.sellPriceMinor)}</strong> (Discogs Near Mint reference {eur(s.referenceMinor)}; our offer would be {eur(s.offerMinor)})
        </Text>
      ) : (
        <Text size="sm" c="dimmed">No market price for this release in euros.</Text>
      )}
      <Group>
        <Button onClick={() => onApply(toPrefill(r, price.data, grade))}>Use these details</Button>
      </Group>
    </Stack>
  );
}

export function DiscogsLookupButton({ artist, title, grade, onApply, label }: LookupProps) {
  const enabled = useDiscogsEnabled();
  const [opened, setOpened] = useState(false);
  const [form, setForm] = useState({ artist, title });
  const [query, setQuery] = useState<{ artist: string; title: string } | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  if (!enabled) return null;
  const open = () => {
    setForm({ artist, title });
    setQuery(artist.trim() || title.trim() ? { artist: artist.trim(), title: title.trim() } : null);
    setSelected(null);
    setOpened(true);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    e.stopPropagation();
    setSelected(null);
    setQuery({ artist: form.artist.trim(), title: form.title.trim() });
  };
  return (
    <>
      <Button variant="light" size="xs" onClick={open} aria-label={label}>
        Look up on Discogs
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title="Look up on Discogs" size="lg">
        <Stack>
          <form onSubmit={submit}>
            <Group align="flex-end" grow>
              <TextInput label="Artist" value={form.artist} onChange={(e) => setForm({ ...form, artist: e.currentTarget.value })} />
              <TextInput label="Title" value={form.title} onChange={(e) => setForm({ ...form, title: e.currentTarget.value })} />
              <Button type="submit" style={{ flexGrow: 0 }}>
                Search
              </Button>
            </Group>
          </form>
          {query && <Results query={query} selected={selected} onSelect={setSelected} />}
          {selected !== null && (
            <Details
              releaseId={selected}
              grade={grade ?? 'NM'}
              onApply={(p) => {
                onApply(p);
                setOpened(false);
              }}
            />
          )}
        </Stack>
      </Modal>
    </>
  );
}
