// The paths the API answers on an app's own origin (same origin, so the session cookie just works):
// tRPC, Socket.IO, the payment provider's webhooks, uploads, media, private files, sign-in
// redirects (/auth/google) and the job dashboard. ONE list for every server in front of the apps:
// the Vite dev servers' proxy (vite/app-config.ts) and the production app servers' local
// forwarding (server/app-server.ts, PROXY_API=true). The reverse proxy in production
// (deploy/haproxy/haproxy.cfg, `acl api_path`) routes the same prefixes.
// No imports: the Vite config loads this file.

export const apiPathPrefixes = ['/trpc', '/socket.io', '/webhooks', '/uploads', '/media', '/files', '/auth', '/admin/queues'] as const;

/** True when a request path (without its query) belongs to the API: a prefix itself or below it. */
export function isApiPath(pathname: string): boolean {
  return apiPathPrefixes.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

/**
 * The same rule as a regular expression source for a request URL with its query (`/trpc?x` and
 * `/trpc/a.b?x` match, `/trpcx` and `/authors` do not): Vite's proxy treats keys starting with `^`
 * as regular expressions.
 */
export function apiPathPattern(prefix: (typeof apiPathPrefixes)[number]): string {
  return `^${prefix.replace(/[.]/g, '\\.')}(?:[/?]|$)`;
}
