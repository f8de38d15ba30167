// @vitest-environment node
// The console's production server as it ships: compiled by build.mjs (esbuild, as `npm run build`
// does) and started with plain `node` over a built bundle — the single-page fallback, a missing
// asset, compression and cache headers, the API's paths, a bad setting, and stopping on SIGTERM.
// (packages/ui/server/app-server.test.ts covers the shared server case by case.)
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildAppServer,
  compressibleText,
  rawRequest,
  runNodeServer,
  runNodeServerToExit,
  stopNodeServer,
  writeClientBundle,
  type RunningServer,
} from '../../../packages/ui/server/test/helpers';

const appDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const indexHtml = '<!doctype html><html><head><title>Marketdesk Console</title></head><body><div id="root"></div><script type="module" src="/assets/index-abc123.js"></script></body></html>';
const appJs = compressibleText('console');

let distDir: string;
let server: RunningServer;

beforeAll(async () => {
  distDir = await buildAppServer(appDir);
  await writeClientBundle({ 'index.html': indexHtml, 'assets/index-abc123.js': appJs }, ['assets/index-abc123.js'], join(distDir, 'client'));
  server = await runNodeServer(join(distDir, 'prod-server.js'), { PORT: '0', HOST: '127.0.0.1' });
});

afterAll(async () => {
  if (server) await stopNodeServer(server);
});

describe('the compiled console server', () => {
  it('answers app routes with index.html and a missing asset with 404', async () => {
    const page = await rawRequest(server.port, '/review/listings');
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.body.toString()).toBe(indexHtml);
    expect((await rawRequest(server.port, '/assets/index-old999.js')).status).toBe(404);
  });

  it('sends the hashed bundle compressed and cached for good', async () => {
    const res = await rawRequest(server.port, '/assets/index-abc123.js', { headers: { 'accept-encoding': 'gzip, br' } });
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(res.body).toString()).toBe(appJs);
  });

  it('answers its health check itself, not with index.html', async () => {
    const health = await rawRequest(server.port, '/healthz');
    expect(health.status).toBe(200);
    expect(health.body.toString()).toBe('ok');
  });

  it("leaves the API's paths to the reverse proxy unless PROXY_API is set", async () => {
    expect((await rawRequest(server.port, '/trpc/auth.me')).status).toBe(404);
  });

  it('refuses to start on a setting it cannot use, naming it', () => {
    const run = runNodeServerToExit(join(distDir, 'prod-server.js'), { PORT: 'eighty' });
    expect(run.status).toBe(1);
    expect(run.output).toContain('console: PORT must be a port number from 0 to 65535, not "eighty"');
  });

  it('stops cleanly on SIGTERM', async () => {
    const second = await runNodeServer(join(distDir, 'prod-server.js'), { PORT: '0', HOST: '127.0.0.1' });
    expect(await stopNodeServer(second)).toBe(0);
  });
});
