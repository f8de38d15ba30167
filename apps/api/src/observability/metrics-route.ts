// GET /metrics for Prometheus. Protected: with METRICS_TOKEN set, a scrape must send
// `Authorization: Bearer <token>`; without it only loopback callers are answered (a scraper on the
// same host, or a sidecar). The reverse proxy (deploy/haproxy/haproxy.cfg) refuses /metrics on every listener.
import type { IncomingMessage, Server } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { renderMetrics } from './metrics.js';

const loopback = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export function metricsAllowed(token: string | undefined, authorization: string | undefined, remoteAddress: string | undefined): boolean {
  if (!token) return loopback.has(remoteAddress ?? '');
  const given = Buffer.from(authorization?.replace(/^Bearer\s+/i, '') ?? '');
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

export function registerMetricsRoute(app: FastifyInstance, token: string | undefined) {
  app.get('/metrics', async (req, reply) => {
    // The socket's peer, not req.ip: X-Forwarded-For must not open the loopback exception.
    if (!metricsAllowed(token, req.headers.authorization, req.raw.socket.remoteAddress)) {
      return reply.code(token ? 401 : 403).send({ error: { code: 'FORBIDDEN', message: 'Metrics need the metrics token (or a loopback caller when none is set).' } });
    }
    const { contentType, body } = await renderMetrics();
    return reply.header('content-type', contentType).send(body);
  });
}

/**
 * The worker has no HTTP server of its own: a bare one for /metrics and /healthz on its own port.
 * node:http comes from process.getBuiltinModule, not an ESM import: importing it as ESM builds a
 * facade that reads every export, and its lazy WebSocket getter then loads Node's bundled undici
 * (~3 MB of heap and ~0.1 s at start-up for a client nobody here uses; nodejs/node#59686).
 */
export function startMetricsServer(port: number, host: string, token: string | undefined): Promise<Server> {
  const server = process.getBuiltinModule('node:http').createServer((req: IncomingMessage, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (path === '/healthz') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    if (path !== '/metrics') return void res.writeHead(404).end();
    if (!metricsAllowed(token, req.headers.authorization, req.socket.remoteAddress)) return void res.writeHead(token ? 401 : 403).end();
    renderMetrics().then(
      ({ contentType, body }) => res.writeHead(200, { 'content-type': contentType }).end(body),
      (err: Error) => res.writeHead(500).end(err.message),
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
