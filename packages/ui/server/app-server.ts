// The production server of an app (apps/console/server/prod-server.ts, apps/storefront/server/
// prod-server.ts), compiled to dist/prod-server.js and started with plain `node`. One implementation
// for both apps:
//   - the built bundle (dist/client) with compression and cache headers (static-files.ts);
//   - pages: the console is a single-page app (index.html for every app route), the storefront
//     renders each page on the server with its built renderer;
//   - the API's paths (api-paths.ts): forwarded to the API when PROXY_API=true (a machine without a
//     reverse proxy), otherwise 404 — in production the reverse proxy routes them to the API;
//   - the security headers (security-headers.ts) on every answer of its own;
//   - GET /healthz: 200 while the process serves (for health checks that should not render a page).
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { join } from 'node:path';
import { createApiProxy } from './api-proxy';
import { isApiPath } from './api-paths';
import { compress, minCompressBytes, negotiateEncoding } from './compression';
import type { AppServerEnv } from './env';
import { appSecurityHeaders, pageContentSecurityPolicy } from './security-headers';
import { loadStaticFiles, sendStaticFile } from './static-files';

/** A server-rendered page: its HTML, or a redirect (a signed-in page without a session). */
export interface RenderedPage {
  status: number;
  html: string;
  redirect?: string;
}

export type AppPages =
  /** index.html for every app route (paths without a file extension); missing files are 404. */
  | { kind: 'spa' }
  /**
   * Every path that is not a file of the bundle is rendered; `url` is the path and query. Inline
   * scripts of the page must carry `nonce`: the page's Content-Security-Policy allows only those.
   */
  | { kind: 'ssr'; render: (req: IncomingMessage, url: string, page: { nonce: string }) => Promise<RenderedPage> };

export interface AppServerOptions {
  /** For log lines: 'console', 'storefront'. */
  name: string;
  /** The built browser bundle (dist/client). */
  clientDir: string;
  pages: AppPages;
  /** The API to forward the API's paths to; null: answer them 404 (the reverse proxy routes them). */
  proxyApiTo: string | null;
}

/** The app server's own health check: 200 while it serves. */
export const healthPath = '/healthz';

/** Server-rendered pages carry the visitor's own data (signed in or not): no shared cache keeps them. */
export const pageCache = 'private, no-cache';

/**
 * The decoded path of a request target, or null when it cannot name a file or a page: not
 * origin-form, bad percent-encoding, NUL or backslash, a `.`/`..` segment (path traversal, encoded
 * or not), or a leading `//` (which a URL parser reads as another host).
 */
export function requestPath(target: string | undefined): string | null {
  if (!target?.startsWith('/') || target.startsWith('//')) return null;
  const raw = target.split('?', 1)[0]!;
  let path: string;
  try {
    path = decodeURIComponent(raw);
  } catch {
    return null;
  }
  if (/[\0\\]/.test(path) || path.split('/').some((segment) => segment === '.' || segment === '..')) return null;
  return path;
}

function sendText(req: IncomingMessage, res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...appSecurityHeaders, ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(req.method === 'HEAD' ? undefined : text);
}

/** A rendered page in the best encoding the request accepts, compressed as it goes out. */
async function sendPage(req: IncomingMessage, res: ServerResponse, page: RenderedPage, nonce: string): Promise<void> {
  const headers = { ...appSecurityHeaders, 'Content-Security-Policy': pageContentSecurityPolicy(nonce) };
  if (page.redirect) {
    res.writeHead(302, { ...headers, Location: page.redirect, 'Cache-Control': pageCache }).end();
    return;
  }
  const body = Buffer.from(page.html);
  const encoding = body.length >= minCompressBytes ? negotiateEncoding(req.headers['accept-encoding']) : null;
  const payload = encoding ? await compress(body, encoding, 'response') : body;
  res.writeHead(page.status, {
    ...headers,
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': pageCache,
    Vary: 'Accept-Encoding',
    'Content-Length': String(payload.length),
    ...(encoding ? { 'Content-Encoding': encoding } : {}),
  });
  res.end(req.method === 'HEAD' ? undefined : payload);
}

export interface AppServer {
  /** Not yet listening: startAppServer listens on PORT/HOST, the tests on port 0. */
  server: Server;
  /** Stops taking connections, ends idle ones and WebSocket tunnels (their clients reconnect
   *  elsewhere); resolves once the requests in flight are answered. */
  close(): Promise<void>;
}

export async function createAppServer(options: AppServerOptions): Promise<AppServer> {
  const files = new Map(await loadStaticFiles(options.clientDir));
  const shell = files.get('/index.html');
  if (!shell) throw new Error(`${join(options.clientDir, 'index.html')} is missing: run the app's build first`);
  // The storefront's index.html is the renderer's template (empty slots), never a page of its own.
  if (options.pages.kind === 'ssr') files.delete('/index.html');
  const proxy = options.proxyApiTo ? createApiProxy(options.proxyApiTo) : null;
  const { pages } = options;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = requestPath(req.url);
    if (path === null) return sendText(req, res, 400, 'This address cannot name a page or a file.');
    // Liveness for the container and the proxy's checks: answered here, whatever the API's state
    // (GET / would render the storefront's home page, API calls included). The proxy never
    // forwards /healthz from outside.
    if (path === healthPath && (req.method === 'GET' || req.method === 'HEAD')) return sendText(req, res, 200, 'ok');
    if (isApiPath(path)) {
      if (proxy) return proxy.web(req, res);
      return sendText(req, res, 404, 'This path belongs to the API: the reverse proxy routes it there (set PROXY_API=true to forward it from this server).');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(req, res, 405, 'Only GET and HEAD here.', { Allow: 'GET, HEAD' });
    const file = files.get(path);
    if (file) return sendStaticFile(req, res, file, appSecurityHeaders);
    // A missing build file is a 404 — never a page in its place (a stale tab asking for an old
    // chunk must fail loudly, not parse HTML as JavaScript).
    const lastSegment = path.slice(path.lastIndexOf('/') + 1);
    if (path.startsWith('/assets/') || (pages.kind === 'spa' && lastSegment.includes('.'))) return sendText(req, res, 404, 'No such file.');
    if (pages.kind === 'spa') return sendStaticFile(req, res, shell!, appSecurityHeaders);
    // 128 random bits, fresh for every response (CSP 3: a nonce must not be guessable or reused).
    const nonce = randomBytes(16).toString('base64');
    return sendPage(req, res, await pages.render(req, req.url!, { nonce }), nonce);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error(`${options.name}: ${req.method} ${req.url} failed`, error);
      if (!res.headersSent) sendText(req, res, 500, 'Something went wrong on our side.');
      else res.destroy();
    });
  });
  // Upgraded connections leave the HTTP server's bookkeeping: close() ends them itself.
  const tunnels = new Set<Duplex>();
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = requestPath(req.url);
    if (!proxy || path === null || !isApiPath(path)) {
      socket.end('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      return;
    }
    tunnels.add(socket);
    socket.on('close', () => tunnels.delete(socket));
    proxy.upgrade(req, socket, head);
  });
  // Longer than the reverse proxy keeps an idle connection to us (HAProxy's `timeout server` 60 s),
  // so the proxy, not this server, closes idle keep-alive connections: no request races a close.
  server.keepAliveTimeout = 65_000;
  return {
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        if (!server.listening) return resolve();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
        for (const socket of tunnels) socket.destroy();
      }),
  };
}

/**
 * Creates the server and listens on env.port/env.host; SIGTERM and SIGINT (docker stop, Ctrl-C)
 * stop taking connections and exit once the open requests are answered.
 */
export async function startAppServer(options: Omit<AppServerOptions, 'proxyApiTo'> & { env: AppServerEnv }): Promise<AppServer> {
  const { env, ...rest } = options;
  const app = await createAppServer({ ...rest, proxyApiTo: env.proxyApi ? env.apiUrl : null });
  const { server } = app;
  // Installed before the "listening" line: whoever waits for it may stop us at once.
  const stop = () => {
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`${options.name}: stopping failed`, error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(env.port, env.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  console.log(`${options.name}: listening on http://${env.host}:${port}${env.proxyApi ? ` (forwarding the API's paths to ${env.apiUrl})` : ''}`);
  return app;
}
