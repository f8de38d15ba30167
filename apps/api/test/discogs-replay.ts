// A local stand-in for api.discogs.com that replays recorded responses (test/fixtures/discogs/*.json):
// each fixture names a request (method, path, the query parameters that must match) and the
// responses to give, in order (the last one repeats) — so a fixture can answer 429 first and 200
// after. Every request is kept, with its headers, for assertions.
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

interface Fixture {
  name: string;
  request: { method: string; path: string; query?: Record<string, string> };
  responses: { status: number; headers: Record<string, string>; body: unknown }[];
}

export interface ReplayServer {
  url: string;
  requests: { method: string; path: string; query: Record<string, string>; headers: IncomingHttpHeaders; fixture: string | null; at: number }[];
  close(): Promise<void>;
}

const fixtureDir = join(import.meta.dirname, 'fixtures', 'discogs');

export function loadFixtures(): Fixture[] {
  return readdirSync(fixtureDir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({ name: f, ...(JSON.parse(readFileSync(join(fixtureDir, f), 'utf8')) as Omit<Fixture, 'name'>) }));
}

export async function startDiscogsReplay(): Promise<ReplayServer> {
  const fixtures = loadFixtures();
  const served = new Map<string, number>();
  const requests: ReplayServer['requests'] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const query = Object.fromEntries(url.searchParams);
    const fixture = fixtures.find((f) => f.request.method === req.method && f.request.path === url.pathname && Object.entries(f.request.query ?? {}).every(([k, v]) => query[k] === v));
    requests.push({ method: req.method ?? 'GET', path: url.pathname, query, headers: req.headers, fixture: fixture?.name ?? null, at: Date.now() });
    if (!fixture) {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ message: `No recorded response for ${req.method} ${url.pathname}${url.search}` }));
      return;
    }
    const n = served.get(fixture.name) ?? 0;
    served.set(fixture.name, n + 1);
    const response = fixture.responses[Math.min(n, fixture.responses.length - 1)]!;
    res.writeHead(response.status, response.headers).end(JSON.stringify(response.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
