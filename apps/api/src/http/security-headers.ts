// Security headers on every API response (@fastify/helmet): a strict Content-Security-Policy (the
// API serves JSON, plus the admin queue dashboard which loads only its own scripts), no framing,
// no MIME sniffing, no referrer leaks, HSTS in production. CORS stays closed: the API sends no
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

export async function registerSecurityHeaders(app: FastifyInstance, config: Pick<Config, 'NODE_ENV'>) {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: apiContentSecurityPolicy },
    crossOriginResourcePolicy: { policy: 'same-site' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: config.NODE_ENV === 'production' ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
}
