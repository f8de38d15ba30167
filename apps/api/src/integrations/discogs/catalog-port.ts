// The catalog-enrichment port: what Marketdesk needs from a record database, vendor-neutral.
// DiscogsCatalog implements it today; the service above it caches and maps errors.
import type { MarketPriceData } from '@marketdesk/domain';

export interface ReleaseSummary {
  releaseId: number;
  artist: string;
  title: string;
  year: string | null;
  country: string | null;
  formats: string[];
  labels: string[];
  catno: string | null;
  thumbUrl: string | null;
}

export interface ReleaseDetails {
  releaseId: number;
  artist: string;
  title: string;
  year: string | null;
  label: string | null;
  catno: string | null;
  /** Our format vocabulary: LP, 7", 12", CD, Cassette or Other. */
  format: string;
  genres: string[];
  styles: string[];
  tracklist: { position: string; title: string; duration: string | null }[];
  coverUrl: string | null;
  /** A description a seller can start from: tracklist and pressing facts. */
  description: string;
  url: string | null;
}

export interface MarketPrices extends MarketPriceData {
  currency: string;
}

export interface CatalogPort {
  search(query: { q?: string; artist?: string; title?: string; format?: string }): Promise<ReleaseSummary[]>;
  release(releaseId: number): Promise<ReleaseDetails>;
  marketPrices(releaseId: number, currency: string): Promise<MarketPrices>;
}
