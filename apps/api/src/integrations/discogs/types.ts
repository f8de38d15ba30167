// The parts of Discogs' API responses we use (https://www.discogs.com/developers). Fields Discogs
// may omit are optional; the client validates shape with zod at the edge.
import { z } from 'zod';

const price = z.object({ currency: z.string(), value: z.number() });

export const searchPageSchema = z.object({
  pagination: z.object({ page: z.number(), pages: z.number(), items: z.number(), per_page: z.number() }),
  results: z.array(
    z.object({
      id: z.number(),
      type: z.string(),
      title: z.string(),
      year: z.union([z.string(), z.number()]).optional(),
      country: z.string().optional(),
      format: z.array(z.string()).optional(),
      label: z.array(z.string()).optional(),
      catno: z.string().optional(),
      genre: z.array(z.string()).optional(),
      style: z.array(z.string()).optional(),
      thumb: z.string().optional(),
      cover_image: z.string().optional(),
      community: z.object({ have: z.number(), want: z.number() }).partial().optional(),
    }),
  ),
});
export type DiscogsSearchPage = z.infer<typeof searchPageSchema>;

export const releaseSchema = z.object({
  id: z.number(),
  title: z.string(),
  artists: z.array(z.object({ name: z.string(), anv: z.string().optional(), join: z.string().optional() })).default([]),
  year: z.number().optional(),
  released: z.string().optional(),
  country: z.string().optional(),
  labels: z.array(z.object({ name: z.string(), catno: z.string().optional() })).default([]),
  formats: z.array(z.object({ name: z.string(), qty: z.string().optional(), descriptions: z.array(z.string()).optional() })).default([]),
  genres: z.array(z.string()).default([]),
  styles: z.array(z.string()).default([]),
  tracklist: z.array(z.object({ position: z.string(), title: z.string(), duration: z.string().optional(), type_: z.string().optional() })).default([]),
  images: z.array(z.object({ type: z.string(), uri: z.string(), uri150: z.string().optional() })).optional(),
  lowest_price: z.number().nullable().optional(),
  num_for_sale: z.number().optional(),
  community: z.object({ have: z.number(), want: z.number(), rating: z.object({ count: z.number(), average: z.number() }).optional() }).partial().optional(),
  notes: z.string().optional(),
  uri: z.string().optional(),
});
export type DiscogsRelease = z.infer<typeof releaseSchema>;

export const marketplaceStatsSchema = z.object({
  lowest_price: price.nullable().optional(),
  num_for_sale: z.number().nullable().optional(),
  blocked_from_sale: z.boolean().optional(),
});
export type DiscogsMarketplaceStats = z.infer<typeof marketplaceStatsSchema>;

/** Keys are Discogs' condition names, e.g. "Near Mint (NM or M-)". */
export const priceSuggestionsSchema = z.record(z.string(), price);
export type DiscogsPriceSuggestions = z.infer<typeof priceSuggestionsSchema>;
