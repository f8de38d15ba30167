import { z } from 'zod';
import { publicProcedure, router } from '../../trpc/procedures.js';
import { listCategoryTree } from '../../services/catalog/list-categories.js';
import { searchInputSchema } from '../../services/search/search-input.js';
import { searchListings } from '../../services/search/search-listings.js';
import { getListing } from '../../services/listings/listing-view.js';
import { newArrivals } from '../../services/search/new-arrivals.js';

const categories = publicProcedure.input(z.void()).query(({ ctx }) => listCategoryTree(ctx.em));

const search = publicProcedure.input(searchInputSchema).query(({ ctx, input }) => searchListings(ctx.em, input));

const listing = publicProcedure
  .input(z.union([z.object({ slug: z.string().regex(/^[a-z0-9-]{1,160}$/) }), z.object({ id: z.string().uuid() })]))
  .query(({ ctx, input }) => getListing(ctx.em, ctx.actor, input, new Date()));

const home = publicProcedure.input(z.object({ limit: z.number().int().min(1).max(24).default(8) }).default({ limit: 8 })).query(({ ctx, input }) => newArrivals(ctx.em, input.limit));

export const catalogRouter = router({ categories, search, listing, home });
