// Which cookie holds a request's session. Browsers scope cookies by host name, not by port, so on
// localhost the console (:5173) and the storefront (:5174) would share one session cookie and one
// browser could not be a buyer in one tab and an admin in the other. Each app therefore gets its own
// cookie, named after SESSION_COOKIE: `md_session_console`, `md_session_storefront`.
//
// The app is told by the host the request was addressed to, compared with CONSOLE_URL and
// STOREFRONT_URL: the apps' dev proxy and a production load balancer keep the Host header, and the
// storefront's server renderer, which calls the API directly, names the visitor's host in
// X-Forwarded-Host. That header is read here whatever TRUST_PROXY says: it only chooses which of
// the requester's own cookies is read, and a page on another site cannot add it to a request (a
// custom header needs CORS, which the API never grants). Any other host (scripts and tests calling
// the API directly, or one host serving both apps) uses SESSION_COOKIE itself.
import type { IncomingHttpHeaders } from 'node:http';
import type { Config } from '../../env.js';

export type SessionCookieConfig = Pick<Config, 'SESSION_COOKIE' | 'CONSOLE_URL' | 'STOREFRONT_URL'>;

function requestHost(headers: IncomingHttpHeaders): string | null {
  const forwarded = headers['x-forwarded-host'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return (first || headers.host || null)?.toLowerCase() ?? null;
}

/** The session cookie's name for a request with these headers. */
export function sessionCookieName(config: SessionCookieConfig, headers: IncomingHttpHeaders): string {
  const consoleHost = new URL(config.CONSOLE_URL).host;
  const storefrontHost = new URL(config.STOREFRONT_URL).host;
  if (consoleHost === storefrontHost) return config.SESSION_COOKIE;
  const host = requestHost(headers);
  if (host === consoleHost) return `${config.SESSION_COOKIE}_console`;
  if (host === storefrontHost) return `${config.SESSION_COOKIE}_storefront`;
  return config.SESSION_COOKIE;
}

/** The session token a request carries, from the cookie that belongs to its app. */
export function sessionTokenOf(config: SessionCookieConfig, headers: IncomingHttpHeaders, cookies: Record<string, string | undefined>): string | undefined {
  return cookies[sessionCookieName(config, headers)];
}
