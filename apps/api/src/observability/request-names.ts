// How a request is named and which requests are not traced, by URL alone: read by the latency
// histograms (http-hooks.ts) and by the request spans (tracing-sdk.ts), which load apart — the SDK
// only when tracing is on — so these pure functions sit in neither.

/** `a.b,c.d` from `/trpc/a.b,c.d?batch=1`: one label per procedure, so batching does not hide any. */
export function trpcProcedures(url: string): string[] {
  const path = url.split('?')[0]!;
  if (!path.startsWith('/trpc/')) return [];
  return decodeURIComponent(path.slice('/trpc/'.length))
    .split(',')
    .filter((p) => /^[\w.]{1,80}$/.test(p));
}

/** The request span's name: `trpc auth.me` (every procedure of a batch), else method and route. */
export function requestSpanName(method: string, url: string, route: string | undefined): string {
  const procedures = trpcProcedures(url);
  return procedures.length ? `trpc ${procedures.join(',')}` : `${method} ${route ?? 'unmatched'}`;
}

/**
 * Requests that are not traced: probes and scrapes (a span every few seconds that tells nothing) and
 * Socket.IO's transport (long-polls; the events it carries are traced where they are made).
 */
export function untracedPath(url: string): boolean {
  const path = url.split('?')[0]!;
  return path === '/healthz' || path === '/readyz' || path === '/metrics' || path.startsWith('/socket.io/');
}
