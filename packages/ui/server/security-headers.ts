// Security headers for every answer of the apps' production servers (server/app-server.ts).
// No imports: plain data and string building.

/**
 * The Content-Security-Policy of the built apps: scripts only from our origin — plus, on a
 * server-rendered page, the inline scripts carrying that response's nonce (Mantine's color-scheme
 * script, which must run before first paint; the SSR state is a JSON <script> that never
 * executes) — Mantine's inline styles, images from our origin, data: and https (listing images),
 * live updates over our own WebSocket, no framing.
 */
function contentSecurityPolicy(scriptSrc: string): string {
  return [
    "default-src 'self'",
    `script-src ${scriptSrc}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    "connect-src 'self' ws: wss:",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; ');
}

/** For everything but rendered pages: no inline script at all. */
export const appContentSecurityPolicy = contentSecurityPolicy("'self'");

/** For one rendered page: its inline scripts carry `nonce` (fresh for every response). */
export function pageContentSecurityPolicy(nonce: string): string {
  return contentSecurityPolicy(`'self' 'nonce-${nonce}'`);
}

export const appSecurityHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': appContentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};
