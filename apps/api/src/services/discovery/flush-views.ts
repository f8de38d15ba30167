// Moves buffered views (view-buffer.ts) into PostgreSQL: per listing, the view count and the trend
// weight of each view at the time it happened; per signed-in buyer, what they looked at. One
// transaction per batch; if it fails the views go back to Redis for the next run.
import { addLogScores, defaultTrendSettings, trendLogIncrement, type TrendSettings } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import type { Redis } from 'ioredis';
import { discoveryRepository, type PopularityDelta } from '../../repositories/discovery-repository.js';
import { returnViews, takeViews, type BufferedView } from './view-buffer.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function aggregateViews(views: BufferedView[], settings: TrendSettings = defaultTrendSettings) {
  const perListing = new Map<string, PopularityDelta>();
  const perUser = new Map<string, { userId: string; listingId: string; views: number; lastViewedAt: Date }>();
  for (const v of views) {
    if (!uuid.test(v.listingId) || (v.userId !== null && !uuid.test(v.userId))) continue;
    const p = perListing.get(v.listingId) ?? { listingId: v.listingId, trendLog: Number.NEGATIVE_INFINITY, views: 0, purchases: 0 };
    p.views += 1;
    p.trendLog = addLogScores(p.views === 1 ? null : p.trendLog, trendLogIncrement(settings.viewWeight, v.atMs, settings));
    perListing.set(v.listingId, p);
    if (v.userId) {
      const key = `${v.userId}|${v.listingId}`;
      const u = perUser.get(key) ?? { userId: v.userId, listingId: v.listingId, views: 0, lastViewedAt: new Date(v.atMs) };
      u.views += 1;
      if (v.atMs > u.lastViewedAt.getTime()) u.lastViewedAt = new Date(v.atMs);
      perUser.set(key, u);
    }
  }
  return { listings: [...perListing.values()], users: [...perUser.values()] };
}

export async function flushViews(em: EntityManager, redis: Redis, prefix: string, now: Date, batchSize = 5_000): Promise<{ views: number; listings: number }> {
  let views = 0;
  let listings = 0;
  for (;;) {
    const batch = await takeViews(redis, prefix, batchSize);
    if (batch.length === 0) break;
    const agg = aggregateViews(batch);
    try {
      await em.transactional(async (tx) => {
        await discoveryRepository.addPopularity(tx, agg.listings, now);
        await discoveryRepository.addUserViews(tx, agg.users);
      });
    } catch (err) {
      await returnViews(redis, prefix, batch);
      throw err;
    }
    views += batch.length;
    listings += agg.listings.length;
    if (batch.length < batchSize) break;
  }
  return { views, listings };
}
