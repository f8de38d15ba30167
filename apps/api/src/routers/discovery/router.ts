// Recommendations for the storefront (public; personal rows when signed in) and view recording.
import { z } from 'zod';
import type { Context } from '../../trpc/context.js';
import { publicProcedure, router } from '../../trpc/procedures.js';
import { boughtTogether, homeRows, similarItems, trending } from '../../services/discovery/recommendations.js';
import { recordView as bufferListingView } from '../../services/discovery/record-view.js';

const limit = z.number().int().min(1).max(24).default(6);
const options = (ctx: Context) => ({ timeoutMs: ctx.services.config.DISCOVERY_TIMEOUT_MS, log: ctx.req.log });

const recordView = publicProcedure
  .input(z.object({ listingId: z.string().uuid(), visitorId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/).optional() }))
  .mutation(({ ctx, input }) => bufferListingView(ctx.services.redis, ctx.services.config.REDIS_PREFIX, { listingId: input.listingId, visitorId: input.visitorId, userId: ctx.actor?.id ?? null, ip: ctx.ip }, new Date()));

const boughtTogetherRow = publicProcedure.input(z.object({ listingId: z.string().uuid(), limit })).query(({ ctx, input }) => boughtTogether(ctx.em, input.listingId, input.limit, options(ctx)));

const similar = publicProcedure.input(z.object({ listingId: z.string().uuid(), limit })).query(({ ctx, input }) => similarItems(ctx.em, input.listingId, input.limit, options(ctx)));

const trendingRow = publicProcedure.input(z.object({ limit }).default({ limit: 6 })).query(({ ctx, input }) => trending(ctx.em, input.limit, options(ctx)));

const home = publicProcedure.input(z.object({ limit }).default({ limit: 6 })).query(({ ctx, input }) => homeRows(ctx.em, ctx.actor?.id ?? null, input.limit, options(ctx)));

export const discoveryRouter = router({ recordView, boughtTogether: boughtTogetherRow, similar, trending: trendingRow, home });
