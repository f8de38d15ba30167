// The storefront in production: serves the built client (dist/client) and server-renders every
// page with the built renderer (dist/server/entry-server.js). Run `npm run build` first, then
// `npm run start` (tsx server/prod-server.ts).
//
// API paths — /trpc, /socket.io, /uploads, /media, /files — are routed to the API processes by the load
// balancer in front of this server (same origin, so the session cookie just works); this process
// only serves pages and assets. For a local run without a load balancer set PROXY_API=true to
// forward the HTTP ones here (WebSockets then fall back to Socket.IO's long-polling).
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { render as Render } from '../src/entry-server';
import { readEnv } from './env';
import { appSecurityHeaders } from '../../../packages/ui/vite/security-headers';

type RenderFn = typeof Render;

const env = readEnv();
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const clientDir = join(root, 'dist/client');
const template = await readFile(join(clientDir, 'index.html'), 'utf8');
const { render } = (await import(pathToFileURL(join(root, 'dist/server/entry-server.js')).href)) as { render: RenderFn };

const types: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};
const apiPrefixes = ['/trpc', '/socket.io', '/uploads', '/media', '/files', '/auth/google'];

async function serveStatic(path: string, res: ServerResponse): Promise<boolean> {
  if (path === '/' || path === '/index.html') return false;
  const file = normalize(join(clientDir, decodeURIComponent(path)));
  if (!file.startsWith(clientDir)) return false;
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return false;
  res.writeHead(200, {
    'Content-Type': types[extname(file)] ?? 'application/octet-stream',
    'Content-Length': info.size,
    // Hashed file names under /assets never change; anything else is revalidated.
    'Cache-Control': path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
  });
  createReadStream(file).pipe(res);
  return true;
}

function proxyToApi(req: IncomingMessage, res: ServerResponse) {
  const target = new URL(req.url ?? '/', env.API_URL);
  // The visitor's host travels on: the API picks this app's session cookie by it.
  const headers = { ...req.headers, host: target.host, 'x-forwarded-host': req.headers['x-forwarded-host'] ?? req.headers.host };
  const upstream = httpRequest(target, { method: req.method, headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', () => res.writeHead(502).end('The API is not reachable.'));
  req.pipe(upstream);
}

async function handle(req: IncomingMessage, res: ServerResponse) {
  const url = req.url ?? '/';
  const path = url.split('?')[0]!;
  if (apiPrefixes.some((p) => path === p || path.startsWith(`${p}/`))) {
    if (env.PROXY_API) return proxyToApi(req, res);
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('API paths are served by the API behind the load balancer.');
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  if (await serveStatic(path, res)) return;
  const result = await render({ url, template, apiUrl: env.API_URL, baseUrl: env.PUBLIC_BASE_URL, cookie: req.headers.cookie ?? null });
  if (result.redirect) {
    res.writeHead(302, { Location: result.redirect }).end();
    return;
  }
  res.writeHead(result.status, { ...appSecurityHeaders, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'private, no-cache' });
  res.end(req.method === 'HEAD' ? undefined : result.html);
}

createServer((req, res) => {
  handle(req, res).catch((error: unknown) => {
    console.error(error);
    if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
    res.end('Something went wrong on our side.');
  });
}).listen(env.STOREFRONT_PORT, env.HOST, () => {
  console.log(`storefront on http://${env.HOST}:${env.STOREFRONT_PORT} (API ${env.API_URL})`);
});
