// Starts real API instances (real PostgreSQL, real Redis, real sockets) and talks to them over HTTP.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import superjson from 'superjson';
import type { AnyProcedure } from '@trpc/server';
import { configWith, createApp, type App } from '../src/index.js';
import type { AppRouter } from '../src/routers/_app.js';

/** Every procedure's path, derived from AppRouter: a renamed or removed procedure breaks the build. */
type PathsOf<R, P extends string = ''> = {
  [K in keyof R & string]: R[K] extends AnyProcedure ? `${P}${K}` : PathsOf<R[K], `${P}${K}.`>;
}[keyof R & string];
export type ProcedurePath = PathsOf<AppRouter['_def']['record']>;

export const allowedOrigin = 'http://localhost:5173';

export function testConfig(overrides: Record<string, string> = {}) {
  return configWith({
    NODE_ENV: 'test',
    PORT: '0',
    DATABASE_URL: inject('databaseUrl'),
    REDIS_PREFIX: inject('redisPrefix'),
    RUN_MIGRATIONS: 'false',
    OUTBOX_POLL_MS: '200',
    LOG_LEVEL: 'silent',
    DB_POOL_MAX: '5',
    ALLOWED_ORIGINS: allowedOrigin,
    TRUST_PROXY: 'true',
    MAIL_DIR: mkdtempSync(join(tmpdir(), 'md-mail-')),
    // Suites register and sign in many users from one address; hardening.int.test.ts tests the limits.
    RATE_LIMIT_AUTH_PER_IP: '1000000',
    RATE_LIMIT_MUTATIONS_PER_MINUTE: '1000000',
    ...overrides,
  });
}

export interface RunningApi {
  app: App;
  baseUrl: string;
  close(): Promise<void>;
}

export async function startApi(overrides: Record<string, string> = {}, options: { startRelay?: boolean } = {}): Promise<RunningApi> {
  const app = await createApp(testConfig(overrides), options);
  const port = await app.listen();
  return { app, baseUrl: `http://127.0.0.1:${port}`, close: () => app.close() };
}

export interface CallOptions {
  cookie?: string | undefined;
  origin?: string | null;
  ip?: string;
  /** More request headers, e.g. a caller's `traceparent`. */
  headers?: Record<string, string>;
}

/** Any API a test reaches over HTTP: one started in-process, or a process started by the test. */
export type ApiTarget = Pick<RunningApi, 'baseUrl'>;

export interface CallResult<T = unknown> {
  status: number;
  data: T | undefined;
  error: { message: string; code: number; data: { code: string; zodIssues: unknown[] | null; details: Record<string, unknown> | null } } | undefined;
  setCookie: string | undefined;
}

async function parse<T>(res: Response): Promise<CallResult<T>> {
  const body = (await res.json()) as { result?: { data: unknown }; error?: { json: CallResult['error'] } };
  const raw = res.headers.get('set-cookie') ?? undefined;
  return {
    status: res.status,
    data: body.result ? (superjson.deserialize(body.result.data as never) as T) : undefined,
    error: body.error?.json ?? (body as { error?: CallResult['error'] }).error,
    setCookie: raw?.split(';')[0],
  };
}

function headers(opts: CallOptions): Record<string, string> {
  const h: Record<string, string> = { 'content-type': 'application/json' };
  if (opts.cookie) h.cookie = opts.cookie;
  if (opts.origin !== null) h.origin = opts.origin ?? allowedOrigin;
  if (opts.ip) h['x-forwarded-for'] = opts.ip;
  return { ...h, ...opts.headers };
}

export async function mutate<T = unknown>(api: ApiTarget, path: ProcedurePath, input?: unknown, opts: CallOptions = {}) {
  const res = await fetch(`${api.baseUrl}/trpc/${path}`, {
    method: 'POST',
    headers: headers(opts),
    body: JSON.stringify(superjson.serialize(input)),
  });
  return parse<T>(res);
}

export async function query<T = unknown>(api: ApiTarget, path: ProcedurePath, input?: unknown, opts: CallOptions = {}) {
  const qs = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;
  const res = await fetch(`${api.baseUrl}/trpc/${path}${qs}`, { headers: headers(opts) });
  return parse<T>(res);
}

let counter = 0;
let ipCounter = 0;
/**
 * A client address no other call in this test file gets. The rate limits count per address in the
 * run's shared Redis namespace, so addresses drawn at random collided now and then (one test's
 * failures spending another's budget); each file owns its network (`10.<net>.x.y`).
 */
export function uniqueIp(net: number): string {
  ipCounter += 1;
  return `10.${net}.${Math.floor(ipCounter / 250)}.${ipCounter % 250}`;
}

export function uniqueEmail(tag = 'user'): string {
  counter += 1;
  return `${tag}.${Date.now().toString(36)}.${counter}@example.test`;
}

/**
 * Registers a user and returns its cookie. Roles beyond buyer/seller are granted directly in the DB.
 * Sellers come with an approved identity check (KYC) unless `verified: false`: most tests are not
 * about verification, and kyc.int.test.ts covers the real flow.
 */
export async function registerUser(api: RunningApi, opts: { email?: string; password?: string; displayName?: string; roles?: string[]; verified?: boolean; ip?: string } = {}) {
  const email = opts.email ?? uniqueEmail();
  const password = opts.password ?? 'correct horse battery';
  const res = await mutate<{ id: string }>(api, 'auth.register', { email, password, displayName: opts.displayName ?? 'Test User' }, opts.ip ? { ip: opts.ip } : {});
  if (!res.data) throw new Error(`register failed: ${JSON.stringify(res.error)}`);
  if (opts.roles) {
    await api.app.db.orm.em.fork().getConnection().execute('update users set roles = ? where id = ?', [`{${opts.roles.join(',')}}`, res.data.id]);
    if (opts.roles.includes('seller') && opts.verified !== false) await approveKycDirectly(api, res.data.id);
  }
  return { id: res.data.id, email, password, cookie: res.setCookie! };
}

export async function approveKycDirectly(api: RunningApi, sellerId: string): Promise<void> {
  await api.app.db.orm.em
    .fork()
    .getConnection()
    .execute(
      `insert into kyc_checks (id, seller_id, state, version, business_type, legal_name, country, address_line1, city, postal_code, date_of_birth, decided_at, created_at, updated_at)
       values (gen_random_uuid(), ?, 'approved', 1, 'individual', 'Test Seller', 'DE', 'Teststraße 1', 'Berlin', '10115', '1980-01-01', now(), now(), now())`,
      [sellerId],
    );
}

export function openSocket(api: RunningApi, cookie: string, origin = allowedOrigin): Socket {
  return connect(api.baseUrl, {
    path: '/socket.io',
    transports: ['websocket'],
    extraHeaders: { cookie, origin },
    reconnectionDelay: 50,
    reconnectionDelayMax: 200,
  });
}

export function nextEvent<T = unknown>(socket: Socket, name: string, predicate: (payload: T) => boolean = () => true, timeoutMs = 8000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(name, handler);
      reject(new Error(`timed out waiting for ${name}`));
    }, timeoutMs);
    const handler = (payload: T) => {
      if (!predicate(payload)) return;
      clearTimeout(timer);
      socket.off(name, handler);
      resolve(payload);
    };
    socket.on(name, handler);
  });
}

export function waitFor(socket: Socket, event: 'connect' | 'disconnect' | 'connect_error', timeoutMs = 8000): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${event}`)), timeoutMs);
    socket.once(event, (arg: unknown) => {
      clearTimeout(timer);
      resolve(arg);
    });
  });
}

/** Polls `read` until `ok` holds (or the time is up, returning the last value for the assertion). */
export async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}
