// The typed tRPC client both apps use. Only the router's *type* crosses from the API.
import type { AppRouter } from '@marketdesk/api/router';
import { trpcMaxBatchItems, trpcMaxUrlLength } from '@marketdesk/domain';
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { TRPCClientError, httpBatchLink } from '@trpc/client';
import { createTRPCReact, getQueryKey, type inferReactQueryProcedureOptions } from '@trpc/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import superjson from 'superjson';

export const trpc = createTRPCReact<AppRouter>();
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type ReactQueryOptions = inferReactQueryProcedureOptions<AppRouter>;
export type Me = NonNullable<RouterOutputs['auth']['me']>;

export function createTrpcClient() {
  return trpc.createClient({
    links: [
      httpBatchLink({
        url: '/trpc',
        transformer: superjson,
        // The API's limits (packages/domain/src/wire.ts): a larger batch is split, never refused.
        maxItems: trpcMaxBatchItems,
        maxURLLength: trpcMaxUrlLength,
        fetch: (url, options) => fetch(url, { ...options, credentials: 'include' }),
      }),
    ],
  });
}

/** A client error's tRPC code (`UNAUTHORIZED`, `FORBIDDEN`, …), or null for network failures. */
export function errorCode(error: unknown): string | null {
  return error instanceof TRPCClientError ? ((error.data as { code?: string } | undefined)?.code ?? null) : null;
}

/** Field messages from a BAD_REQUEST carrying zod issues, keyed by the first path segment. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof TRPCClientError)) return {};
  const issues = (error.data as { zodIssues?: { path: (string | number)[]; message: string }[] | null } | undefined)
    ?.zodIssues;
  const out: Record<string, string> = {};
  for (const issue of issues ?? []) {
    const key = String(issue.path[0] ?? '');
    out[key] ??= issue.message;
  }
  return out;
}

export function createQueryClient() {
  // A call refused as UNAUTHORIZED means the session ended (expired, or signed out elsewhere):
  // re-ask `auth.me`, whose null answer sends guarded pages to sign-in.
  const onError = (error: unknown) => {
    if (errorCode(error) === 'UNAUTHORIZED') {
      void client.invalidateQueries({ queryKey: getQueryKey(trpc.auth.me), exact: false });
    }
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        // Client errors (401/403/400) will not fix themselves by retrying; network blips might.
        retry: (failureCount, error) => errorCode(error) === null && failureCount < 2,
        refetchOnWindowFocus: false,
        staleTime: 10_000,
      },
    },
  });
  return client;
}
