// The Discogs adapter behind CatalogPort: turns Discogs' shapes into ours (artist and title split,
// our format names, prices in minor units of the asked currency, Discogs' condition names mapped
// to our Goldmine grades).
import { minorUnitsPerMajor, isCurrencyCode, type Grade } from '@marketdesk/domain';
import type { CatalogPort, MarketPrices, ReleaseDetails, ReleaseSummary } from './catalog-port.js';
import type { DiscogsClient } from './discogs-client.js';
import type { DiscogsPriceSuggestions, DiscogsRelease } from './types.js';

/** Discogs' condition names (price suggestions) → our grades. */
const conditionGrades: [RegExp, Grade][] = [
  [/^Mint \(M\)/, 'M'],
  [/^Near Mint/, 'NM'],
  [/^Very Good Plus/, 'VG+'],
  [/^Very Good \(VG\)/, 'VG'],
  [/^Good Plus/, 'G+'],
  [/^Good \(G\)/, 'G'],
  [/^Fair/, 'F'],
  [/^Poor/, 'P'],
];

export function ourFormat(formats: { name: string; descriptions?: string[] }[] | string[]): string {
  const words = formats.flatMap((f) => (typeof f === 'string' ? [f] : [f.name, ...(f.descriptions ?? [])])).map((w) => w.toLowerCase());
  if (words.includes('cd')) return 'CD';
  if (words.includes('cassette')) return 'Cassette';
  if (words.includes('lp')) return 'LP';
  if (words.some((w) => w === '7"' || w === 'single')) return '7"';
  if (words.some((w) => w === '12"' || w === 'maxi-single')) return '12"';
  if (words.includes('vinyl')) return 'LP';
  return 'Other';
}

/** Discogs search titles read "Artist - Title"; artists carry disambiguation like "Prince (2)". */
export function splitTitle(title: string): { artist: string; title: string } {
  const at = title.indexOf(' - ');
  if (at < 0) return { artist: '', title: title.trim() };
  return { artist: cleanArtist(title.slice(0, at)), title: title.slice(at + 3).trim() };
}

const cleanArtist = (name: string) => name.replace(/\s\(\d+\)$/, '').replace(/\*$/, '').trim();

function toMinor(value: number, currency: string): number {
  const per = isCurrencyCode(currency) ? minorUnitsPerMajor(currency) : 100;
  return Math.round(value * per);
}

function describe(r: DiscogsRelease, artist: string): string {
  const facts = [r.labels[0] ? `${r.labels[0].name}${r.labels[0].catno ? ` ${r.labels[0].catno}` : ''}` : null, r.country ?? null, r.year ? String(r.year) : null].filter(Boolean).join(', ');
  const tracks = r.tracklist.filter((t) => t.type_ !== 'heading').map((t) => `${t.position ? `${t.position}. ` : ''}${t.title}${t.duration ? ` (${t.duration})` : ''}`);
  return [`${artist} — ${r.title}${facts ? ` (${facts})` : ''}.`, tracks.length ? `Tracklist:\n${tracks.join('\n')}` : ''].filter(Boolean).join('\n\n');
}

function gradesFrom(suggestions: DiscogsPriceSuggestions | null, currency: string): Partial<Record<Grade, number>> {
  const out: Partial<Record<Grade, number>> = {};
  for (const [name, price] of Object.entries(suggestions ?? {})) {
    // Suggestions come in the account's currency; we never convert currencies silently.
    if (price.currency !== currency) continue;
    const grade = conditionGrades.find(([re]) => re.test(name))?.[1];
    if (grade) out[grade] = toMinor(price.value, currency);
  }
  return out;
}

export class DiscogsCatalog implements CatalogPort {
  constructor(private readonly client: DiscogsClient) {}

  async search(query: { q?: string; artist?: string; title?: string; format?: string }): Promise<ReleaseSummary[]> {
    const page = await this.client.searchReleases({ ...query, perPage: 12 });
    return page.results
      .filter((r) => r.type === 'release')
      .map((r) => {
        const { artist, title } = splitTitle(r.title);
        return { releaseId: r.id, artist, title, year: r.year ? String(r.year) : null, country: r.country ?? null, formats: r.format ?? [], labels: r.label ?? [], catno: r.catno ?? null, thumbUrl: r.thumb || null };
      });
  }

  async release(releaseId: number): Promise<ReleaseDetails> {
    const r = await this.client.getRelease(releaseId, 'EUR');
    const artist = r.artists.map((a, i) => `${cleanArtist(a.anv || a.name)}${i < r.artists.length - 1 ? ` ${a.join || '&'} ` : ''}`).join('').replace(/\s+,/g, ',').trim();
    return {
      releaseId: r.id,
      artist,
      title: r.title,
      year: r.year ? String(r.year) : null,
      label: r.labels[0]?.name ?? null,
      catno: r.labels[0]?.catno ?? null,
      format: ourFormat(r.formats),
      genres: r.genres,
      styles: r.styles,
      tracklist: r.tracklist.filter((t) => t.type_ !== 'heading').map((t) => ({ position: t.position, title: t.title, duration: t.duration || null })),
      coverUrl: r.images?.find((i) => i.type === 'primary')?.uri ?? r.images?.[0]?.uri ?? null,
      description: describe(r, artist),
      url: r.uri ?? null,
    };
  }

  async marketPrices(releaseId: number, currency: string): Promise<MarketPrices> {
    const stats = await this.client.getMarketplaceStats(releaseId, currency);
    const suggestions = await this.client.getPriceSuggestions(releaseId);
    const lowest = stats.lowest_price && stats.lowest_price.currency === currency ? toMinor(stats.lowest_price.value, currency) : null;
    return {
      currency,
      byGradeMinor: gradesFrom(suggestions, currency),
      lowestMinor: lowest,
      forSale: stats.num_for_sale ?? 0,
    };
  }
}
