// Batched tRPC requests over real HTTP, sent by the same batch link the apps use: a full batch of
// long procedure names reaches its procedures (Fastify's default 100-character route parameter
// answered "Route not found"), and a batch over the cap is refused with a 400 that names the cap.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import superjson from 'superjson';
import { trpcMaxBatchItems, trpcMaxUrlLength } from '@marketdesk/domain';
import type { AppRouter } from '../src/routers/_app.js';
import { allowedOrigin, registerUser, startApi, type RunningApi } from './harness.js';

let api: RunningApi;
let cookie: string;
beforeAll(async () => {
  api = await startApi();
  cookie = (await registerUser(api)).cookie;
});
afterAll(async () => {
  await api?.close();
});

/** A client like the apps' (packages/ui/src/app/trpc.ts) that records each HTTP request it sends. */
function batchingClient(maxItems: number) {
  const sent: { url: string; status: number }[] = [];
  const client = createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${api.baseUrl}/trpc`,
        transformer: superjson,
        maxItems,
        maxURLLength: trpcMaxUrlLength,
        headers: { cookie, origin: allowedOrigin },
        fetch: async (url, options) => {
          const res = await fetch(url, options as RequestInit);
          sent.push({ url: String(url), status: res.status });
          return res;
        },
      }),
    ],
  });
  return { client, sent };
}

/** Ten queries a signed-in buyer may run without input, with some of the longest names. */
function tenQueries(client: ReturnType<typeof batchingClient>['client']) {
  return [
    client.notifications.preferences.query(),
    client.chat.unread.query(),
    client.enrichment.capabilities.query(),
    client.auth.twoFactorStatus.query(),
    client.checkout.paymentMode.query(),
    client.catalog.categories.query(),
    client.notifications.list.query(),
    client.discovery.trending.query(),
    client.kyc.documentKinds.query(),
    client.disputes.reasons.query(),
  ];
}

describe('batched queries', () => {
  it(`a batch of ${trpcMaxBatchItems} long procedure names travels as one GET and answers 200`, async () => {
    expect(tenQueries(batchingClient(trpcMaxBatchItems).client)).toHaveLength(trpcMaxBatchItems);
    const { client, sent } = batchingClient(trpcMaxBatchItems);
    const answers = await Promise.all(tenQueries(client));
    expect(answers.every((a) => a !== undefined)).toBe(true);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.status).toBe(200);
    const names = new URL(sent[0]!.url).pathname.replace('/trpc/', '');
    expect(names.length).toBeGreaterThan(100); // over Fastify's default route-parameter limit
  });

  it('the apps\' link splits more calls than the cap into several requests, all answered', async () => {
    const { client, sent } = batchingClient(trpcMaxBatchItems);
    const answers = await Promise.all([...tenQueries(client), ...tenQueries(client).slice(0, 5)]);
    expect(answers).toHaveLength(15);
    expect(sent.map((s) => s.status)).toEqual([200, 200]);
  });

  it('a batch over the cap is refused with a 400 that names the cap', async () => {
    const { client, sent } = batchingClient(trpcMaxBatchItems + 1);
    const calls = [...tenQueries(client), client.auth.me.query()];
    const results = await Promise.allSettled(calls);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.status).toBe(400);
    for (const result of results) {
      expect(result.status).toBe('rejected');
      const error = (result as PromiseRejectedResult).reason as unknown;
      expect(error).toBeInstanceOf(TRPCClientError);
      expect((error as TRPCClientError<AppRouter>).data?.code).toBe('BAD_REQUEST');
      expect((error as Error).message).toBe(`A request may batch at most ${trpcMaxBatchItems} calls; send the rest in another request.`);
    }
  });
});
