// @vitest-environment node
// The storefront's production server. As it ships: compiled by build.mjs (esbuild, as `npm run
// build` does) and started with plain `node`, it renders every page with the renderer it finds at
// dist/server/entry-server.js (a stand-in here: the real one is a Vite build) and the template at
// dist/client/index.html. In-process: the real renderer (src/entry-server.tsx) behind the shared
// server renders a page and a 404. (packages/ui/server/app-server.test.ts covers the shared server
// case by case.)
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServer, type AppServer } from '../../../packages/ui/server/index';
import {
  buildAppServer,
  compressibleText,
  listenOnFreePort,
  rawRequest,
  runNodeServer,
  runNodeServerToExit,
  stopNodeServer,
  writeClientBundle,
  type RunningServer,
} from '../../../packages/ui/server/test/helpers';
import { render } from '../src/entry-server';
import { readEnv } from './env';
import { storefrontPages } from './pages';

const appDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const template = await readFile(join(appDir, 'index.html'), 'utf8');
const appJs = compressibleText('storefront');

// What `vite build --ssr` leaves in dist/server, reduced to the contract prod-server.ts relies on.
const standInRenderer = `
export async function render({ url, template, apiUrl, baseUrl, cookie }) {
  if (url.startsWith('/account')) return { status: 302, html: '', redirect: '/login?next=' + encodeURIComponent(url) };
  const page = '<p>' + url + ' for ' + (cookie ?? 'a visitor') + ', data from ' + apiUrl + ', canonical ' + baseUrl + url + '</p>';
  return { status: url === '/' ? 200 : 404, html: template.replace('<!--app-html-->', page.repeat(40)) };
}
`;

describe('the compiled storefront server', () => {
  let distDir: string;
  let server: RunningServer;
  let api: Server;
  const apiRequests: string[] = [];

  beforeAll(async () => {
    distDir = await buildAppServer(appDir);
    await writeClientBundle({ 'index.html': template, 'assets/index-abc123.js': appJs, 'favicon.svg': '<svg/>' }, ['assets/index-abc123.js'], join(distDir, 'client'));
    await mkdir(join(distDir, 'server'));
    await writeFile(join(distDir, 'server', 'entry-server.js'), standInRenderer);
    api = createServer((req, res) => {
      apiRequests.push(`${req.method} ${req.url} host=${req.headers.host}`);
      res.writeHead(200, { 'content-type': 'application/json' }).end('[]');
    });
    const apiPort = await listenOnFreePort(api);
    server = await runNodeServer(join(distDir, 'prod-server.js'), {
      PORT: '0',
      HOST: '127.0.0.1',
      API_URL: `http://127.0.0.1:${apiPort}`,
      PROXY_API: 'true',
      PUBLIC_BASE_URL: 'https://records.example',
    });
  });

  afterAll(async () => {
    if (server) await stopNodeServer(server);
    await new Promise((resolve) => api?.close(resolve));
  });

  it('renders pages with the built renderer and template, compressed, for this visitor only', async () => {
    const res = await rawRequest(server.port, '/', { headers: { 'accept-encoding': 'br', cookie: 'md_session_storefront=abc' } });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('private, no-cache');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    const html = brotliDecompressSync(res.body).toString();
    expect(html).toContain('<div id="root"><p>/ for md_session_storefront=abc, data from http://127.0.0.1:');
    expect(html).toContain('canonical https://records.example/</p>');
    expect((await rawRequest(server.port, '/l/gone')).status).toBe(404);
    const redirect = await rawRequest(server.port, '/account');
    expect(redirect.status).toBe(302);
    expect(redirect.headers.location).toBe('/login?next=%2Faccount');
  });

  it('serves the bundle: hashed assets cached for good, a missing one 404, public files revalidated', async () => {
    const asset = await rawRequest(server.port, '/assets/index-abc123.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(asset.headers['content-encoding']).toBe('gzip');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await rawRequest(server.port, '/assets/index-old999.js')).status).toBe(404);
    expect((await rawRequest(server.port, '/favicon.svg')).headers['cache-control']).toBe('no-cache');
  });

  it("forwards the API's paths with PROXY_API=true, keeping the Host", async () => {
    const res = await rawRequest(server.port, '/trpc/listings.search?batch=1', { headers: { host: 'localhost:5174' } });
    expect(res.status).toBe(200);
    expect(apiRequests).toContain('GET /trpc/listings.search?batch=1 host=localhost:5174');
  });

  it('refuses to start on a setting it cannot use, naming it', () => {
    const run = runNodeServerToExit(join(distDir, 'prod-server.js'), { PUBLIC_BASE_URL: 'records.example' });
    expect(run.status).toBe(1);
    expect(run.output).toContain('storefront: PUBLIC_BASE_URL must be an http(s) URL');
  });
});

describe('the storefront server with the real renderer', () => {
  let app: AppServer;
  let port: number;

  beforeAll(async () => {
    const clientDir = await writeClientBundle({ 'index.html': template });
    // An API that refuses connections: the pages render without data (the browser fetches it).
    app = await createAppServer({
      name: 'storefront',
      clientDir,
      pages: storefrontPages(render, template, { apiUrl: 'http://127.0.0.1:1', publicBaseUrl: 'https://records.example' }),
      proxyApiTo: null,
    });
    port = await listenOnFreePort(app.server);
  });

  afterAll(() => app?.close());

  it('renders a page with its head, and a 404 page for an unknown path', async () => {
    const help = await rawRequest(port, '/help');
    expect(help.status).toBe(200);
    const html = help.body.toString();
    // Mantine's color-scheme script runs before first paint: it carries the response's nonce.
    const nonce = String(help.headers['content-security-policy']).match(/'nonce-([^']+)'/)?.[1];
    expect(nonce).toBeTruthy();
    expect(html.match(/<script[^>]*data-mantine-script[^>]*>/)?.[0]).toContain(`nonce="${nonce}"`);
    expect(html.match(/<script(?![^>]*type="application\/json")(?![^>]*src=)[^>]*>/g)?.every((tag) => tag.includes(`nonce="${nonce}"`))).toBe(true);
    expect(html).toContain('<title data-md-head>How Marketdesk works · Marketdesk</title>');
    expect(html).toContain('<link data-md-head rel="canonical" href="https://records.example/help">');
    expect(html).not.toContain('<!--app-html-->');
    const missing = await rawRequest(port, '/no/such/page');
    expect(missing.status).toBe(404);
    expect(missing.body.toString()).toContain('Page not found');
  });
});

describe('readEnv', () => {
  it('takes the public origin from PORT unless PUBLIC_BASE_URL says otherwise', () => {
    expect(readEnv({ PORT: '8081' })).toMatchObject({ port: 8081, publicBaseUrl: 'http://localhost:8081' });
    expect(readEnv({})).toMatchObject({ port: 5174, publicBaseUrl: 'http://localhost:5174', apiUrl: 'http://127.0.0.1:3000', proxyApi: false });
    expect(readEnv({ PUBLIC_BASE_URL: 'https://records.example' }).publicBaseUrl).toBe('https://records.example');
  });
});
