// CSRF: a state-changing request that carries a cookie must come from an allowed Origin.
// (SameSite=Lax already blocks most cross-site POSTs; this closes the rest, e.g. sibling subdomains.)
import type { FastifyReply, FastifyRequest } from 'fastify';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export function originGuard(allowedOrigins: string[]) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    if (safeMethods.has(req.method) || !req.headers.cookie) return;
    const origin = req.headers.origin;
    if (origin && allowedOrigins.includes(origin)) return;
    req.log.warn({ origin: origin ?? null }, 'refused cross-origin state-changing request');
    return reply.code(403).send({
      error: { code: 'FORBIDDEN', message: `Requests from origin ${origin ?? '(none)'} are not allowed.` },
    });
  };
}
