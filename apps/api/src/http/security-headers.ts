// Security headers on every API response (@fastify/helmet): a strict Content-Security-Policy (the
// API serves JSON; the admin job dashboard, which loads only its own scripts, gets the same policy
// with its <base> tag allowed), no framing, no MIME sniffing, no referrer leaks, HSTS in production. CORS stays closed: the API sends no
// Access-Control-Allow-Origin at all — the apps reach it same-origin (dev proxy / one host), and a
// cookie-carrying mutation from any origin outside ALLOWED_ORIGINS is refused by csrf.ts.
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../env.js';

export const apiContentSecurityPolicy = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'self'"],
  'base-uri': ["'none'"],
  'object-src': ["'none'"],
};

type CspDirectives = Record<string, string[]>;

/**
 * The job dashboard's page (bull-board at /admin/queues): the API's policy except `base-uri`. Its
 * page sets `<base href="/admin/queues/">` and loads its scripts by relative URLs, so with
 * `base-uri 'none'` they resolved against /admin/ and 404ed. Same-origin only.
 */
export const jobDashboardContentSecurityPolicy: CspDirectives = { ...apiContentSecurityPolicy, 'base-uri': ["'self'"] };

/** A directive map as a Content-Security-Policy header value. */
export function cspHeader(directives: CspDirectives): string {
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

export async function registerSecurityHeaders(app: FastifyInstance, config: Pick<Config, 'NODE_ENV'>) {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: apiContentSecurityPolicy },
    crossOriginResourcePolicy: { policy: 'same-site' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: config.NODE_ENV === 'production' ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
}
