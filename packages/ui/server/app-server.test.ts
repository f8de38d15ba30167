// @vitest-environment node
// The shared production server in-process, on a free port, over a built bundle written to a temp
// dir: encodings by Accept-Encoding, cache headers by kind of file, the console's single-page
// fallback against missing files, the storefront's rendered pages, refused paths, and the API's
// paths (404 behind a reverse proxy, forwarded with PROXY_API — WebSocket upgrades included).
import { writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { connect } from 'node:net';
import { dirname, join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppServer, pageCache, requestPath, type AppPages, type AppServer } from './app-server';
import { appContentSecurityPolicy, appSecurityHeaders, pageContentSecurityPolicy } from './security-headers';
import { immutableCache } from './static-files';
import { compressibleText, listenOnFreePort, rawRequest, writeClientBundle } from './test/helpers';

const appJs = compressibleText('index');
const indexHtml = `<!doctype html><html><head><title>App</title></head><body><div id="root"><!--app-html--></div>${'<!-- padding -->'.repeat(80)}<script type="module" src="/assets/index-abc123.js"></script></body></html>`;
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

const bundle = () =>
  writeClientBundle(
    {
      'index.html': indexHtml,
      'assets/index-abc123.js': appJs,
      'assets/logo-abc123.png': png,
      'favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
      '.vite/manifest.json': '{}',
    },
    ['index.html', 'assets/index-abc123.js'],
  );

const running: AppServer[] = [];
const upstreams: Server[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((app) => app.close()));
  await Promise.all(upstreams.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

async function start(pages: AppPages, options: { proxyApiTo?: string | null; clientDir?: string } = {}): Promise<number> {
  const app = await createAppServer({ name: 'test', clientDir: options.clientDir ?? (await bundle()), pages, proxyApiTo: options.proxyApiTo ?? null });
  running.push(app);
  return listenOnFreePort(app.server);
}

function expectSecurityHeaders(headers: IncomingMessage['headers']) {
  for (const [name, value] of Object.entries(appSecurityHeaders)) expect(headers[name.toLowerCase()], name).toBe(value);
}

describe('static files', () => {
  it('sends the encoding the request accepts, best first, and the original without Accept-Encoding', async () => {
    const port = await start({ kind: 'spa' });
    const br = await rawRequest(port, '/assets/index-abc123.js', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(brotliDecompressSync(br.body).toString()).toBe(appJs);

    const gzip = await rawRequest(port, '/assets/index-abc123.js', { headers: { 'accept-encoding': 'br;q=0, gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(appJs);

    const plain = await rawRequest(port, '/assets/index-abc123.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toBe('Accept-Encoding');
    expect(plain.body.toString()).toBe(appJs);

    // A file the build did not compress (an image) is sent as it is, whatever the browser takes.
    const image = await rawRequest(port, '/assets/logo-abc123.png', { headers: { 'accept-encoding': 'br, gzip' } });
    expect(image.headers['content-encoding']).toBeUndefined();
    expect(image.headers.vary).toBeUndefined();
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.body.equals(png)).toBe(true);
  });

  it('caches hashed files under /assets for a year and revalidates everything else, with 304 on a matching ETag', async () => {
    const port = await start({ kind: 'spa' });
    const asset = await rawRequest(port, '/assets/logo-abc123.png');
    expect(asset.headers['cache-control']).toBe(immutableCache);
    expect(immutableCache).toBe('public, max-age=31536000, immutable');

    const favicon = await rawRequest(port, '/favicon.svg');
    expect(favicon.headers['cache-control']).toBe('no-cache');
    expectSecurityHeaders(favicon.headers);
    const etag = favicon.headers.etag!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await rawRequest(port, '/favicon.svg', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);

    // Each encoding has its own ETag: a cached gzip body is never confirmed for a brotli request.
    const br = await rawRequest(port, '/assets/index-abc123.js', { headers: { 'accept-encoding': 'br' } });
    const gz = await rawRequest(port, '/assets/index-abc123.js', { headers: { 'accept-encoding': 'gzip', 'if-none-match': br.headers.etag! } });
    expect(gz.status).toBe(200);
    expect(gz.headers.etag).not.toBe(br.headers.etag);
  });

  it('answers HEAD with the headers only', async () => {
    const port = await start({ kind: 'spa' });
    const head = await rawRequest(port, '/assets/index-abc123.js', { method: 'HEAD', headers: { 'accept-encoding': 'gzip' } });
    expect(head.status).toBe(200);
    expect(head.headers['content-encoding']).toBe('gzip');
    expect(head.body.length).toBe(0);
  });

  it('refuses paths that climb out of the bundle, however they are spelled, and never serves dot-directories', async () => {
    const clientDir = await bundle();
    // A file next to the bundle (where dist/prod-server.js lives).
    await writeFile(join(dirname(clientDir), 'secret.txt'), 'not for the web');
    const port = await start({ kind: 'spa' }, { clientDir });
    for (const path of ['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/assets/%2E%2E%2F%2E%2E%2Fsecret.txt', '/..%5csecret.txt', '/%00', '/%E0%A4%A', '//secret.txt']) {
      const res = await rawRequest(port, path);
      expect(res.status, path).toBe(400);
      expect(res.body.toString(), path).not.toContain('not for the web');
    }
    expect((await rawRequest(port, '/.vite/manifest.json')).status).toBe(404);
  });
});

describe('requestPath', () => {
  it('decodes a path and drops the query', () => {
    expect(requestPath('/l/caf%C3%A9?ref=home')).toBe('/l/café');
    expect(requestPath('/')).toBe('/');
  });
  it('refuses what cannot name a file or a page', () => {
    for (const target of [undefined, '', '*', 'http://example.com/', '//example.com/x', '/a/../b', '/a/%2e/b', '/%ZZ', '/a\\b', '/a%00b']) {
      expect(requestPath(target), String(target)).toBeNull();
    }
  });
});

describe('the console: a single-page app', () => {
  it('answers every app route with index.html, not cached without revalidation', async () => {
    const port = await start({ kind: 'spa' });
    for (const path of ['/', '/orders/0b7c9d3e-1f2a-4c5b-8d6e-7f8a9b0c1d2e', '/review/listings?page=2']) {
      const res = await rawRequest(port, path, { headers: { 'accept-encoding': 'br' } });
      expect(res.status, path).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-cache');
      expectSecurityHeaders(res.headers);
      expect(brotliDecompressSync(res.body).toString()).toBe(indexHtml);
    }
  });

  it('answers a missing file with 404, never index.html in its place', async () => {
    const port = await start({ kind: 'spa' });
    for (const path of ['/assets/index-old999.js', '/assets/gone', '/robots.txt', '/favicon.ico']) {
      const res = await rawRequest(port, path);
      expect(res.status, path).toBe(404);
      expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    }
  });

  it('takes only GET and HEAD', async () => {
    const port = await start({ kind: 'spa' });
    const res = await rawRequest(port, '/orders', { method: 'POST', body: 'x' });
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD');
  });
});

describe('the storefront: every page rendered on the server', () => {
  const rendered: string[] = [];
  const nonces: string[] = [];
  const pages: AppPages = {
    kind: 'ssr',
    render: async (req, url, { nonce }) => {
      rendered.push(url);
      nonces.push(nonce);
      if (url.startsWith('/orders')) return { status: 302, html: '', redirect: `/login?next=${encodeURIComponent(url)}` };
      if (url === '/boom') throw new Error('renderer failed');
      const status = url.startsWith('/l/') ? 200 : 404;
      return { status, html: `<!doctype html><title>${url}</title>${'<p>rendered for the visitor</p>'.repeat(100)}<p>${req.headers.cookie ?? 'no cookie'}</p>` };
    },
  };

  it('renders pages — the visitor’s own, so no shared cache keeps them — compressed as the request accepts', async () => {
    rendered.length = 0;
    const port = await start(pages);
    const res = await rawRequest(port, '/l/abbey-road?ref=home', { headers: { 'accept-encoding': 'gzip', cookie: 'md_session_storefront=abc' } });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe(pageCache);
    expect(pageCache).toBe('private, no-cache');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers.vary).toBe('Accept-Encoding');
    expectSecurityHeaders({ ...res.headers, 'content-security-policy': appContentSecurityPolicy });
    const html = gunzipSync(res.body).toString();
    expect(html).toContain('<title>/l/abbey-road?ref=home</title>');
    expect(html).toContain('md_session_storefront=abc');
    expect(rendered).toEqual(['/l/abbey-road?ref=home']);

    const plain = await rawRequest(port, '/l/abbey-road');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toContain('<title>/l/abbey-road</title>');
  });

  it('lets a page run only the inline scripts carrying its own nonce, fresh for every response', async () => {
    nonces.length = 0;
    const port = await start(pages);
    const first = await rawRequest(port, '/l/one');
    const second = await rawRequest(port, '/l/two');
    expect(nonces).toHaveLength(2);
    expect(nonces[0]).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(nonces[0]).not.toBe(nonces[1]);
    expect(first.headers['content-security-policy']).toBe(pageContentSecurityPolicy(nonces[0]!));
    expect(first.headers['content-security-policy']).toContain(`script-src 'self' 'nonce-${nonces[0]}';`);
    expect(second.headers['content-security-policy']).toBe(pageContentSecurityPolicy(nonces[1]!));
    // Files get no nonce: no inline script runs there.
    const file = await rawRequest(port, '/assets/index-abc123.js');
    expect(file.headers['content-security-policy']).toBe(appContentSecurityPolicy);
    expect(appContentSecurityPolicy).toContain("script-src 'self';");
  });

  it("keeps the renderer's status and redirects", async () => {
    const port = await start(pages);
    expect((await rawRequest(port, '/no-such-page')).status).toBe(404);
    const redirect = await rawRequest(port, '/orders/7');
    expect(redirect.status).toBe(302);
    expect(redirect.headers.location).toBe('/login?next=%2Forders%2F7');
    expect(redirect.headers['cache-control']).toBe(pageCache);
  });

  it('serves the bundle’s files as files, 404 for a missing asset, and never index.html (the template) itself', async () => {
    rendered.length = 0;
    const port = await start(pages);
    expect((await rawRequest(port, '/assets/index-abc123.js')).status).toBe(200);
    expect((await rawRequest(port, '/assets/index-old999.js')).status).toBe(404);
    const template = await rawRequest(port, '/index.html');
    expect(template.status).toBe(404);
    expect(template.body.toString()).not.toContain('<!--app-html-->');
    expect(rendered).toEqual(['/index.html']);
  });

  it('answers its health check without rendering a page', async () => {
    rendered.length = 0;
    const port = await start(pages);
    const health = await rawRequest(port, '/healthz');
    expect(health.status).toBe(200);
    expect(health.body.toString()).toBe('ok');
    expect(health.headers['cache-control']).toBe('no-store');
    expect(rendered).toEqual([]);
  });

  it('answers a renderer failure with 500, and keeps serving', async () => {
    const port = await start(pages);
    const failed = await rawRequest(port, '/boom');
    expect(failed.status).toBe(500);
    expect(failed.body.toString()).toBe('Something went wrong on our side.');
    expect((await rawRequest(port, '/l/after')).status).toBe(200);
  });
});

describe("the API's paths", () => {
  /** A stand-in API: records what reached it, echoes it back; /socket.io upgrades echo bytes. */
  async function fakeApi() {
    const seen: { method: string; url: string; host: string | undefined; cookie: string | undefined; body: string }[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        seen.push({ method: req.method!, url: req.url!, host: req.headers.host, cookie: req.headers.cookie, body });
        res.writeHead(201, { 'content-type': 'application/json', 'set-cookie': 'md_session_console=new; HttpOnly' }).end(JSON.stringify({ ok: true }));
      });
    });
    server.on('upgrade', (req, socket) => {
      if (req.headers.upgrade !== 'echo') {
        socket.end('HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\nContent-Length: 15\r\n\r\nunknown session');
        return;
      }
      socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo\r\nConnection: Upgrade\r\n\r\n');
      socket.pipe(socket);
    });
    upstreams.push(server);
    const port = await listenOnFreePort(server);
    return { url: `http://127.0.0.1:${port}`, seen };
  }

  it('answers 404 behind a reverse proxy (no PROXY_API), for HTTP and upgrades', async () => {
    const port = await start({ kind: 'spa' });
    for (const path of ['/trpc/auth.me', '/socket.io/?EIO=4&transport=polling', '/webhooks/stripe', '/uploads/avatar', '/media/a.webp', '/files/audit.csv', '/auth/google/start', '/admin/queues']) {
      const res = await rawRequest(port, path);
      expect(res.status, path).toBe(404);
      expect(res.body.toString(), path).toContain('reverse proxy');
    }
    const upgrade = await rawUpgrade(port, '/socket.io/?EIO=4&transport=websocket', 'echo');
    expect(upgrade.head).toMatch(/^HTTP\/1\.1 404/);
  });

  it('forwards them with PROXY_API — method, path and query, body, the Host the browser used and the cookie — and passes the answer back', async () => {
    const api = await fakeApi();
    const port = await start({ kind: 'spa' }, { proxyApiTo: api.url });
    const res = await rawRequest(port, '/trpc/listings.create?batch=1', {
      method: 'POST',
      headers: { host: 'localhost:5173', cookie: 'md_session_console=abc', 'content-type': 'application/json' },
      body: '{"0":{"json":{"title":"Abbey Road"}}}',
    });
    expect(res.status).toBe(201);
    expect(res.headers['set-cookie']).toEqual(['md_session_console=new; HttpOnly']);
    expect(JSON.parse(res.body.toString())).toEqual({ ok: true });
    expect(api.seen).toEqual([{ method: 'POST', url: '/trpc/listings.create?batch=1', host: 'localhost:5173', cookie: 'md_session_console=abc', body: '{"0":{"json":{"title":"Abbey Road"}}}' }]);
  });

  it('answers 502 when the API cannot be reached', async () => {
    const api = await fakeApi();
    const down = upstreams.pop()!;
    await new Promise((resolve) => down.close(resolve));
    const port = await start({ kind: 'spa' }, { proxyApiTo: api.url });
    const res = await rawRequest(port, '/trpc/auth.me');
    expect(res.status).toBe(502);
  });

  it('tunnels a WebSocket upgrade both ways, and passes a refused upgrade back', async () => {
    const api = await fakeApi();
    const port = await start({ kind: 'spa' }, { proxyApiTo: api.url });
    const tunnel = await rawUpgrade(port, '/socket.io/?EIO=4&transport=websocket', 'echo', 'hello through the proxy');
    expect(tunnel.head).toMatch(/^HTTP\/1\.1 101 /);
    expect(tunnel.echo).toBe('hello through the proxy');

    const refused = await rawUpgrade(port, '/socket.io/?EIO=4&transport=websocket', 'websocket');
    expect(refused.head).toMatch(/^HTTP\/1\.1 400 Bad Request/);
    expect(refused.rest).toContain('unknown session');
  });
});

/**
 * An Upgrade request on a raw socket: the response head, then (after a 101) what comes back for
 * `message`, or the rest of a refusal until the server closes.
 */
function rawUpgrade(port: number, path: string, protocol: string, message?: string): Promise<{ head: string; echo: string; rest: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    let head: string | null = null;
    socket.on('error', reject);
    socket.on('connect', () => socket.write(`GET ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: Upgrade\r\nUpgrade: ${protocol}\r\n\r\n`));
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString();
      if (head === null && received.includes('\r\n\r\n')) {
        [head] = received.split('\r\n\r\n', 1) as [string];
        received = received.slice(head.length + 4);
        if (head.startsWith('HTTP/1.1 101') && message) socket.write(message);
      }
      if (head?.startsWith('HTTP/1.1 101') && message && received === message) {
        socket.destroy();
        resolve({ head, echo: received, rest: '' });
      }
    });
    socket.on('close', () => resolve({ head: head ?? received, echo: '', rest: received }));
  });
}
