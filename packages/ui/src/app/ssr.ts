// Server rendering helpers: the query cache travels from the server to the browser as JSON in a
// <script type="application/json"> tag, written and read with superjson (Dates survive).
import { defaultShouldDehydrateQuery, dehydrate, type DehydratedState, type QueryClient } from '@tanstack/react-query';
import { httpBatchLink } from '@trpc/client';
import superjson, { SuperJSON } from 'superjson';
import { trpcMaxBatchItems, trpcMaxUrlLength } from '@marketdesk/domain';
import { trpc } from './trpc';

/** The id of the script tag holding the server's state. */
export const SSR_STATE_ID = 'md-ssr-state';

export interface SsrState {
  queries: DehydratedState;
  /** Anything else the app wants the browser to know (e.g. its public base URL). */
  config: Record<string, string>;
}

// Our own instance: errors keep their tRPC `data` (code) so a dehydrated NOT_FOUND still reads as one.
const codec = new SuperJSON();
codec.allowErrorProps('data');

/**
 * What the browser receives: successful queries, plus queries that failed with NOT_FOUND (so a 404
 * page hydrates as a 404 instead of flashing a spinner). Other failures are left for the browser
 * to retry.
 */
export function dehydrateForBrowser(queryClient: QueryClient): DehydratedState {
  return dehydrate(queryClient, {
    shouldDehydrateQuery: (query) => defaultShouldDehydrateQuery(query) || (query.state.status === 'error' && isNotFoundError(query.state.error)),
    shouldRedactErrors: () => false,
  });
}

/** The state as a string safe to place inside a <script> element. */
export function serializeSsrState(state: SsrState): string {
  return codec.stringify(state).replace(/</g, '\\u003c');
}

/**
 * Fills an index.html's `<!--name-->` slots with server-rendered HTML, in one pass.
 *
 * Why a replacer function: a string given to `String.prototype.replace` is itself a pattern, so a
 * listing titled `A $' B` would splice the rest of the document into the page (`$'`, `` $` ``, `$&`,
 * `$1`, `$$` all mean something there). One pass, so a value is never scanned for later slots.
 * Every slot must be in the template: a missing one would silently drop the page or its state.
 */
export function fillHtmlTemplate(template: string, slots: Readonly<Record<string, string>>): string {
  const filled = new Set<string>();
  const html = template.replace(/<!--([a-z][a-z0-9-]*)-->/g, (whole, name: string) => {
    if (!Object.hasOwn(slots, name)) return whole;
    filled.add(name);
    return slots[name]!;
  });
  const missing = Object.keys(slots).filter((name) => !filled.has(name));
  if (missing.length) throw new Error(`The HTML template has no slot for ${missing.map((n) => `<!--${n}-->`).join(', ')}`);
  return html;
}

export function parseSsrState(text: string): SsrState | null {
  try {
    return codec.parse<SsrState>(text);
  } catch {
    return null;
  }
}

/** The state the server left in the page, or null when the page was not server rendered. */
export function readSsrState(doc: Document = document): SsrState | null {
  const text = doc.getElementById(SSR_STATE_ID)?.textContent;
  return text ? parseSsrState(text) : null;
}

/** True for a tRPC NOT_FOUND, including one revived from the server's state. */
export function isNotFoundError(error: unknown): boolean {
  return (error as { data?: { code?: unknown } } | null)?.data?.code === 'NOT_FOUND';
}

export interface ServerTrpcOptions {
  /** The API's origin, e.g. http://127.0.0.1:3000. */
  apiUrl: string;
  /** The visitor's Cookie header, forwarded so signed-in pages render signed in. */
  cookie?: string | null;
  /**
   * The host the visitor addressed (the app's own), sent as X-Forwarded-Host: each app has its own
   * session cookie and the API picks it by that host (apps/api/src/services/auth/session-cookie.ts).
   */
  host?: string | null;
  fetch?: typeof fetch;
}

/** A tRPC client for the server renderer: absolute URL, the visitor's cookie, no batching delays. */
export function createServerTrpcClient({ apiUrl, cookie, host, fetch: fetchImpl = fetch }: ServerTrpcOptions) {
  return trpc.createClient({
    links: [
      httpBatchLink({
        url: `${apiUrl.replace(/\/$/, '')}/trpc`,
        transformer: superjson, // the API's wire format (plain superjson)
        maxItems: trpcMaxBatchItems,
        maxURLLength: trpcMaxUrlLength,
        headers: () => ({ ...(cookie ? { cookie } : {}), ...(host ? { 'x-forwarded-host': host } : {}) }),
        fetch: (url, options) => fetchImpl(url, options as RequestInit),
      }),
    ],
  });
}
