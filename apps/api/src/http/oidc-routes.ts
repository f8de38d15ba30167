// Google sign-in over plain HTTP redirects: /auth/google/start sends the browser to the provider
// with state, nonce and a PKCE challenge (kept in a short-lived HttpOnly cookie); the callback checks
// the state, exchanges the code with the verifier, verifies the id_token and signs in. Only
// registered when GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET are set.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Config } from '../env.js';
import { OidcError, type OidcClient } from '../integrations/oidc/oidc-client.js';
import { accountForGoogleIdentity } from '../services/auth/google-sign-in.js';
import type { AppServices } from '../services/container.js';
import { AppError } from '../errors/app-error.js';

const flowCookie = 'md_oidc';
const flowPath = '/auth/google';

/** Only back to our own apps: an open redirect would hand the session to a look-alike site. */
export function safeReturnTo(config: Pick<Config, 'ALLOWED_ORIGINS' | 'STOREFRONT_URL'>, wanted: unknown): string {
  if (typeof wanted === 'string') {
    try {
      const url = new URL(wanted);
      if (config.ALLOWED_ORIGINS.includes(url.origin)) return url.toString();
    } catch {
      /* fall through */
    }
  }
  return config.STOREFRONT_URL;
}

export async function registerOidcRoutes(app: FastifyInstance, deps: { oidc: OidcClient; services: AppServices }) {
  const { oidc, services } = deps;
  const { config } = services;
  const secure = config.NODE_ENV === 'production';

  const fail = (reply: FastifyReply, returnTo: string, reason: string) => {
    const target = new URL('/login', returnTo);
    target.searchParams.set('error', reason);
    return reply.redirect(target.toString(), 303);
  };

  app.get(`${flowPath}/start`, async (req, reply) => {
    const returnTo = safeReturnTo(config, (req.query as { returnTo?: unknown }).returnTo);
    const start = await oidc.start();
    reply.setCookie(flowCookie, JSON.stringify({ state: start.state, verifier: start.codeVerifier, nonce: start.nonce, returnTo }), {
      httpOnly: true, sameSite: 'lax', secure, path: flowPath, maxAge: 10 * 60,
    });
    return reply.redirect(start.url.toString(), 302);
  });

  app.get(`${flowPath}/callback`, async (req, reply) => {
    const q = req.query as { code?: string; state?: string; error?: string };
    type Flow = { state: string; verifier: string; nonce: string; returnTo: string };
    let flow: Flow | null;
    try {
      flow = JSON.parse(req.cookies[flowCookie] ?? 'null') as Flow | null;
    } catch {
      flow = null;
    }
    reply.clearCookie(flowCookie, { path: flowPath, httpOnly: true, sameSite: 'lax', secure });
    // The state must be the one this browser started with: refuses login CSRF and replayed callbacks.
    if (!flow || typeof q.state !== 'string' || q.state !== flow.state) {
      return reply.code(400).type('text/plain').send('This sign-in link is not valid any more. Start again from the sign-in page.');
    }
    const returnTo = safeReturnTo(config, flow.returnTo);
    if (q.error || typeof q.code !== 'string') return fail(reply, returnTo, 'google_cancelled');
    const now = new Date();
    const em = services.db.orm.em.fork();
    try {
      const identity = await oidc.finish(q.code, flow.verifier, flow.nonce, now);
      const user = await accountForGoogleIdentity(em, identity, now);
      const result = await services.auth.completeExternalSignIn(em, user, { ip: req.ip, userAgent: req.headers['user-agent']?.slice(0, 400) ?? null, now });
      if (result.status === 'two_factor_required') {
        const target = new URL('/login', returnTo);
        target.searchParams.set('challenge', result.challenge);
        return reply.redirect(target.toString(), 303);
      }
      services.sessions.setCookie(reply, result.token, result.expiresAt);
      return reply.redirect(returnTo, 303);
    } catch (err) {
      if (err instanceof OidcError || err instanceof AppError) {
        req.log.warn({ err: err.message }, 'google sign-in refused');
        return fail(reply, returnTo, 'google_failed');
      }
      throw err;
    }
  });
}
