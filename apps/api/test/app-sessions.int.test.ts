// One browser, two apps on localhost: cookies are scoped by host name, not port, so the console
// (:5173) and the storefront (:5174) see each other's cookies. Each app's requests read and write
// their own session cookie (services/auth/session-cookie.ts), so a person can be a buyer in the
// storefront and an admin in the console at once. Requests are sent the way the apps' dev proxy
// sends them — Host kept — with one cookie jar, like the browser's.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import superjson from 'superjson';
import { io as connect } from 'socket.io-client';
import { registerUser, startApi, waitFor, type InputOf, type OutputOf, type ProcedurePath, type QueryPath, type RunningApi } from './harness.js';

const consoleUrl = 'http://localhost:5173';
const storefrontUrl = 'http://localhost:5274';

let api: RunningApi;
beforeAll(async () => {
  api = await startApi({ CONSOLE_URL: consoleUrl, STOREFRONT_URL: storefrontUrl, ALLOWED_ORIGINS: `${consoleUrl},${storefrontUrl}` });
});
afterAll(async () => {
  await api?.close();
});

/** A browser's cookie jar for the host name `localhost` (every port shares it). */
class CookieJar {
  readonly cookies = new Map<string, string>();
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
  take(setCookie: string[] | undefined): void {
    for (const line of setCookie ?? []) {
      const [pair, ...attributes] = line.split(';');
      const [name, value] = pair!.split('=') as [string, string];
      const expired = attributes.some((a) => /^\s*expires=/i.test(a) && new Date(a.split('=')[1]!).getTime() <= Date.now());
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

/** A tRPC call through an app's origin: Host and Origin are the app's, cookies from the jar (queries by GET, without input). */
function call<P extends ProcedurePath>(app: string, jar: CookieJar, method: P extends QueryPath ? 'GET' : 'POST', path: P, input?: InputOf<P>): Promise<{ status: number; data: OutputOf<P> | undefined }> {
  const body = method === 'POST' ? JSON.stringify(superjson.serialize(input)) : undefined;
  const { port } = new URL(api.baseUrl);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method, path: `/trpc/${path}`, headers: { host: new URL(app).host, origin: app, cookie: jar.header(), 'content-type': 'application/json' } },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => {
          jar.take(res.headers['set-cookie']);
          const parsed = JSON.parse(text) as { result?: { data: unknown } };
          resolve({ status: res.statusCode ?? 0, data: parsed.result ? (superjson.deserialize(parsed.result.data as never) as OutputOf<P>) : undefined });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const me = async (app: string, jar: CookieJar) => (await call(app, jar, 'GET', 'auth.me')).data;

describe('one browser, two apps', () => {
  it('a buyer in the storefront and an admin in the console stay signed in side by side', async () => {
    const buyer = await registerUser(api);
    const admin = await registerUser(api, { roles: ['admin', 'agent'] });
    const jar = new CookieJar();

    expect((await call(storefrontUrl, jar, 'POST', 'auth.login', { email: buyer.email, password: buyer.password })).status).toBe(200);
    expect((await call(consoleUrl, jar, 'POST', 'auth.login', { email: admin.email, password: admin.password })).status).toBe(200);
    expect([...jar.cookies.keys()].sort()).toEqual(['md_session_console', 'md_session_storefront']);

    expect((await me(storefrontUrl, jar))?.email).toBe(buyer.email);
    expect((await me(consoleUrl, jar))?.email).toBe(admin.email);

    // Signing out of the storefront leaves the console signed in.
    await call(storefrontUrl, jar, 'POST', 'auth.logout');
    expect(await me(storefrontUrl, jar)).toBeNull();
    expect((await me(consoleUrl, jar))?.email).toBe(admin.email);
  });

  it('the live channel authenticates with the same app\'s cookie', async () => {
    const buyer = await registerUser(api);
    const admin = await registerUser(api, { roles: ['admin', 'agent'] });
    const jar = new CookieJar();
    await call(storefrontUrl, jar, 'POST', 'auth.login', { email: buyer.email, password: buyer.password });
    await call(consoleUrl, jar, 'POST', 'auth.login', { email: admin.email, password: admin.password });
    // A staff room: the admin may join it, the buyer may not. (The host travels as X-Forwarded-Host
    // here, as from the server renderer or a load balancer: the test's WebSocket sets its own Host.)
    const subscribeFrom = async (app: string) => {
      const socket = connect(api.baseUrl, { path: '/socket.io', transports: ['websocket'], extraHeaders: { cookie: jar.header(), origin: app, 'x-forwarded-host': new URL(app).host } });
      try {
        await waitFor(socket, 'connect');
        return (await socket.emitWithAck('subscribe', 'queue:submissions')) as { ok: boolean };
      } finally {
        socket.close();
      }
    };
    expect(await subscribeFrom(consoleUrl)).toMatchObject({ ok: true });
    expect(await subscribeFrom(storefrontUrl)).toMatchObject({ ok: false });
  });

  it('a request addressed to neither app uses SESSION_COOKIE itself', async () => {
    const user = await registerUser(api);
    expect(user.cookie.split('=')[0]).toBe('md_session');
  });
});
