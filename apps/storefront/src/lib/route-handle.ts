// What a route tells the server renderer: data to fetch before rendering, the head to write, the
// status to answer with, and whether it needs a signed-in buyer.
import type { AppRouter } from '@marketdesk/api/router';
import type { createTRPCQueryUtils } from '@trpc/react-query';
import type { QueryClient } from '@tanstack/react-query';
import type { Params } from 'react-router';
import type { Head } from '../features/seo/head';

export type QueryUtils = ReturnType<typeof createTRPCQueryUtils<AppRouter>>;

export interface RouteArgs {
  params: Params;
  url: URL;
  utils: QueryUtils;
  queryClient: QueryClient;
  signedIn: boolean;
}

export interface RouteHandle {
  prefetch?: (args: RouteArgs) => Promise<unknown>;
  head?: (args: RouteArgs) => Head | null;
  /** The HTTP status after prefetching (e.g. 404 when the listing is gone). */
  status?: (args: RouteArgs) => number | undefined;
  requireAuth?: boolean;
}
