// The storefront reports a listing view: one Redis round trip, nothing in PostgreSQL (see
// view-buffer.ts). Anonymous visitors are told apart by a random id the storefront keeps in local
// storage (or their IP without one); they count towards trending, not towards any personal row.
import type { Redis } from 'ioredis';
import { bufferView } from './view-buffer.js';

export async function recordView(redis: Redis, prefix: string, input: { listingId: string; visitorId?: string | undefined; userId: string | null; ip: string }, now: Date): Promise<{ recorded: boolean }> {
  const visitor = input.userId ? `u:${input.userId}` : input.visitorId ? `v:${input.visitorId}` : `ip:${input.ip}`;
  try {
    return { recorded: await bufferView(redis, prefix, { listingId: input.listingId, userId: input.userId, atMs: now.getTime(), visitor }) };
  } catch {
    // A view is a hint, not a promise: with Redis down the page still works, the view is lost.
    return { recorded: false };
  }
}
