// Security headers for every answer of the apps' production servers (server/app-server.ts).
/**
 * Security headers for the built apps: scripts only from our origin (no inline script: the SSR state
 * is a JSON <script> that never executes), Mantine's inline styles, images from our origin, data: and
 * https (listing images), live updates over our own WebSocket, no framing.
 */
export const appContentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https:",
  "font-src 'self' data:",
  "connect-src 'self' ws: wss:",
  "frame-ancestors 'none'",
  "form-action 'self'",
  "base-uri 'self'",
  "object-src 'none'",
].join('; ');

export const appSecurityHeaders: Record<string, string> = {
  'Content-Security-Policy': appContentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};
