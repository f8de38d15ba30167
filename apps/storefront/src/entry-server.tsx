// The storefront's server renderer (used by the Vite dev middleware and server/prod-server.ts).
// For one request it matches the route, fetches that route's data through tRPC (forwarding the
// visitor's cookie), renders the React tree to HTML, writes the route's <head> (title, description,
// canonical, Open Graph, JSON-LD) and embeds the query cache for the browser to hydrate.
// If the API cannot be reached the page still renders (loading states) and the browser tries again.
import { ColorSchemeScript } from '@mantine/core';
import { AppRoot, createServerTrpcClient, dehydrateForBrowser, fillHtmlTemplate, isNotFoundError, serializeSsrState, SSR_STATE_ID } from '@marketdesk/ui/app';
import { QueryClient } from '@tanstack/react-query';
import { createTRPCQueryUtils } from '@trpc/react-query';
import { renderToString } from 'react-dom/server';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router';
import type { AppRouter } from '@marketdesk/api/router';
import { renderHeadTags, simpleHead, type Head } from './features/seo/head';
import type { RouteArgs, RouteHandle } from './lib/route-handle';
import { COLOR_SCHEME_KEY, setSiteConfig } from './lib/site-config';
import { routes } from './routes';

export interface RenderOptions {
  /** Path and query of the request, e.g. `/l/abbey-road?x=1`. */
  url: string;
  /** The index.html to fill (with `<!--app-head-->`, `<!--app-html-->`, `<!--app-state-->`). */
  template: string;
  apiUrl: string;
  baseUrl: string;
  cookie?: string | null;
  /** Injected for tests; defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Extra tags for <head> (the dev server's stylesheet links). */
  extraHead?: string;
  /** Give up on the API after this long and let the browser fetch instead. */
  apiTimeoutMs?: number;
  /** The response's Content-Security-Policy nonce, put on the page's inline scripts (production). */
  nonce?: string;
}

export interface RenderResult {
  status: number;
  html: string;
  /** Set when the page needs a signed-in buyer and there is none: answer 302 here. */
  redirect?: string;
  head: Head;
}

const handler = createStaticHandler(routes);

export async function render(options: RenderOptions): Promise<RenderResult> {
  setSiteConfig({ baseUrl: options.baseUrl });
  const url = new URL(options.url, options.baseUrl);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 10_000 } } });
  const baseFetch = options.fetch ?? fetch;
  const timeoutMs = options.apiTimeoutMs ?? 4_000;
  const trpcClient = createServerTrpcClient({
    apiUrl: options.apiUrl,
    cookie: options.cookie ?? null,
    host: url.host,
    fetch: (input, init) => baseFetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) }),
  });
  const utils = createTRPCQueryUtils<AppRouter>({ queryClient, client: trpcClient });

  const context = await handler.query(new Request(url, { headers: options.cookie ? { cookie: options.cookie } : {} }));
  if (context instanceof Response) {
    return { status: context.status, html: '', redirect: context.headers.get('Location') ?? '/', head: simpleHead('Marketdesk', url.pathname) };
  }

  // undefined = the API did not answer: render as if loading and let the browser ask again.
  const me = await utils.auth.me.fetch().catch(() => undefined);
  const matches = context.matches.map((m) => ({ params: m.params, handle: m.route.handle as RouteHandle | undefined }));
  const argsFor = (params: RouteArgs['params']): RouteArgs => ({ params, url, utils, queryClient, signedIn: Boolean(me) });

  if (me === null && matches.some((m) => m.handle?.requireAuth)) {
    return { status: 302, html: '', redirect: `/login?next=${encodeURIComponent(url.pathname + url.search)}`, head: simpleHead('Sign in', '/login') };
  }
  await Promise.all(matches.map((m) => m.handle?.prefetch?.(argsFor(m.params)).catch(() => undefined)));

  let status = context.statusCode;
  let head: Head | null = null;
  for (const m of matches) {
    status = m.handle?.status?.(argsFor(m.params)) ?? status;
    head = m.handle?.head?.(argsFor(m.params)) ?? head;
  }
  head ??= simpleHead('Marketdesk', url.pathname);

  // A query that failed for any reason but "not found" is left for the browser to retry.
  for (const query of queryClient.getQueryCache().getAll()) {
    if (query.state.status === 'error' && !isNotFoundError(query.state.error)) queryClient.removeQueries({ queryKey: query.queryKey, exact: true });
  }

  const router = createStaticRouter(handler.dataRoutes, context);
  const appHtml = renderToString(
    <AppRoot queryClient={queryClient} trpcClient={trpcClient} colorSchemeKey={COLOR_SCHEME_KEY}>
      <StaticRouterProvider router={router} context={context} hydrate={false} />
    </AppRoot>,
  );
  const state = serializeSsrState({ queries: dehydrateForBrowser(queryClient), config: { baseUrl: options.baseUrl } });
  const headHtml = [
    renderToString(<ColorSchemeScript defaultColorScheme="auto" localStorageKey={COLOR_SCHEME_KEY} nonce={options.nonce} />),
    renderHeadTags(head),
    options.extraHead ?? '',
  ].join('\n    ');
  // The template's own <title> gives way to the route's (a constant replacement: no user text).
  const html = fillHtmlTemplate(options.template.replace(/<title>[^<]*<\/title>\s*/, ''), {
    'app-head': headHtml,
    'app-html': appHtml,
    'app-state': `<script id="${SSR_STATE_ID}" type="application/json">${state}</script>`,
  });
  queryClient.clear();
  return { status, html, head };
}
