// What a Discogs look-up hands to a form: fields in our vocabulary, and the pricing engine's
// suggestion for the chosen grade (null when the market has no usable price).
import type { RouterOutputs } from '../../trpc';

export type DiscogsRelease = RouterOutputs['enrichment']['release'];
export type DiscogsSuggestion = RouterOutputs['enrichment']['suggestPrice'];

export interface DiscogsPrefill {
  releaseId: number;
  artist: string;
  title: string;
  year: string | null;
  label: string | null;
  format: string;
  description: string;
  /** Our shelf price for the grade, and the Near Mint market reference it came from. */
  suggestedPriceMinor: number | null;
  referenceMinor: number | null;
  grade: string;
}

export function toPrefill(release: DiscogsRelease, suggestion: DiscogsSuggestion | undefined, grade: string): DiscogsPrefill {
  return {
    releaseId: release.releaseId,
    artist: release.artist,
    title: release.title,
    year: release.year,
    label: release.label,
    format: release.format,
    description: release.description,
    suggestedPriceMinor: suggestion?.suggestion?.sellPriceMinor ?? null,
    referenceMinor: suggestion?.suggestion?.referenceMinor ?? null,
    grade,
  };
}

/** Our submission formats are lower-case words; Discogs' map onto them. */
export function submissionFormatOf(format: string): string {
  const map: Record<string, string> = { LP: 'lp', '12"': 'ep', '7"': 'single', CD: 'cd', Cassette: 'cassette' };
  return map[format] ?? 'lp';
}
