// Storefront search parameters. Filters combine with AND; each facet's counts ignore its own filter
// (so choosing "VG+" still shows how many "NM" there are).
import { z } from 'zod';
import { grades } from '@marketdesk/domain';

export const priceBuckets = [
  { id: 'under-10', label: 'Under €10', min: 0, max: 1000 },
  { id: '10-25', label: '€10 – €25', min: 1000, max: 2500 },
  { id: '25-50', label: '€25 – €50', min: 2500, max: 5000 },
  { id: '50-100', label: '€50 – €100', min: 5000, max: 10000 },
  { id: 'over-100', label: 'Over €100', min: 10000, max: null },
] as const;

export type PriceBucketId = (typeof priceBuckets)[number]['id'];

export const searchSorts = ['relevance', 'newest', 'price_asc', 'price_desc'] as const;

export const searchInputSchema = z.object({
  q: z.string().trim().max(200).default(''),
  category: z.string().regex(/^[a-z0-9-]{1,120}$/).optional(),
  conditions: z.array(z.enum(grades)).max(8).default([]),
  price: z.enum(priceBuckets.map((b) => b.id) as [PriceBucketId, ...PriceBucketId[]]).optional(),
  sellerId: z.string().uuid().optional(),
  inStock: z.boolean().default(false),
  sort: z.enum(searchSorts).default('relevance'),
  cursor: z.string().max(500).optional(),
  limit: z.number().int().min(1).max(60).default(24),
});

export type SearchInput = z.infer<typeof searchInputSchema>;
