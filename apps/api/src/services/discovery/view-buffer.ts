// Listing views are recorded cheaply: the request does one Redis round trip (a Lua script that
// de-duplicates a visitor's repeat views of a listing for 30 minutes and appends the view to a
// list), and the `discovery.flushViews` job moves the list into PostgreSQL in batches. The list is
// capped, so a stopped worker costs old views, never Redis memory.
import type { Redis } from 'ioredis';

export interface BufferedView {
  listingId: string;
  userId: string | null;
  atMs: number;
}

const REPEAT_WINDOW_SECONDS = 30 * 60;
const MAX_BUFFERED = 200_000;

const keys = (prefix: string) => ({ list: `${prefix}:discovery:views`, seen: (visitor: string, listingId: string) => `${prefix}:discovery:seen:${visitor}:${listingId}` });

const bufferScript = `
if redis.call('SET', KEYS[1], '1', 'EX', ARGV[2], 'NX') then
  redis.call('RPUSH', KEYS[2], ARGV[1])
  redis.call('LTRIM', KEYS[2], -tonumber(ARGV[3]), -1)
  return 1
end
return 0`;

/** Buffers a view; false when this visitor already viewed the listing in the last 30 minutes. */
export async function bufferView(redis: Redis, prefix: string, view: BufferedView & { visitor: string }): Promise<boolean> {
  const k = keys(prefix);
  const payload = JSON.stringify({ l: view.listingId, u: view.userId, t: view.atMs });
  const added = await redis.eval(bufferScript, 2, k.seen(view.visitor, view.listingId), k.list, payload, REPEAT_WINDOW_SECONDS, MAX_BUFFERED);
  return added === 1;
}

/** Takes up to `max` buffered views (atomically: a concurrent flush never gets the same ones). */
export async function takeViews(redis: Redis, prefix: string, max: number): Promise<BufferedView[]> {
  const { list } = keys(prefix);
  const result = await redis.multi().lrange(list, 0, max - 1).ltrim(list, max, -1).exec();
  const raw = (result?.[0]?.[1] as string[] | undefined) ?? [];
  return raw.flatMap((s) => {
    try {
      const v = JSON.parse(s) as { l: string; u: string | null; t: number };
      return [{ listingId: v.l, userId: v.u, atMs: v.t }];
    } catch {
      return [];
    }
  });
}

/** Puts views back after a failed flush (they are counted on the next run). */
export async function returnViews(redis: Redis, prefix: string, views: BufferedView[]): Promise<void> {
  if (views.length === 0) return;
  await redis.lpush(keys(prefix).list, ...views.reverse().map((v) => JSON.stringify({ l: v.listingId, u: v.userId, t: v.atMs })));
}

export async function bufferedViewCount(redis: Redis, prefix: string): Promise<number> {
  return redis.llen(keys(prefix).list);
}
