// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { apiPathPattern, apiPathPrefixes, isApiPath } from './api-paths';

describe('the API paths on an app origin', () => {
  it('takes each prefix and what lies below it, not a path that only starts with its letters', () => {
    for (const path of ['/trpc', '/trpc/auth.me,listings.search', '/socket.io/', '/webhooks/stripe', '/uploads/avatar', '/media/listings/a.webp', '/files/audit.csv', '/auth/google/start', '/admin/queues', '/admin/queues/api/queues']) {
      expect(isApiPath(path), path).toBe(true);
    }
    for (const path of ['/', '/trpcx', '/authors', '/admin', '/admin/queuesx', '/l/uploads', '/assets/index.js', '/orders']) {
      expect(isApiPath(path), path).toBe(false);
    }
  });

  it("gives Vite's proxy the same rule for URLs with their query", () => {
    const matches = (url: string) => apiPathPrefixes.some((prefix) => new RegExp(apiPathPattern(prefix)).test(url));
    for (const url of ['/trpc?batch=1', '/trpc/auth.me?batch=1&input=%7B%7D', '/socket.io/?EIO=4&transport=websocket', '/admin/queues', '/auth/google/callback?code=x']) {
      expect(matches(url), url).toBe(true);
    }
    for (const url of ['/trpcx', '/authors?x=1', '/socket.iox/', '/search?q=/trpc']) {
      expect(matches(url), url).toBe(false);
    }
  });
});
