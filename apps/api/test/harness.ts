// Starts real API instances (real PostgreSQL, real Redis, real sockets) and talks to them over HTTP.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import superjson from 'superjson';
import type { AnyProcedure, inferProcedureInput, inferTransformedProcedureOutput } from '@trpc/server';
import { configWith, createApp, type App } from '../src/index.js';
import type { AppRouter } from '../src/routers/_app.js';

/** Every procedure of AppRouter as { path, procedure }: a renamed, removed or reshaped procedure breaks the build. */
type ProceduresOf<R, P extends string = ''> = {
  [K in keyof R & string]: R[K] extends AnyProcedure ? { path: `${P}${K}`; procedure: R[K] } : ProceduresOf<R[K], `${P}${K}.`>;
}[keyof R & string];
type Procedures = ProceduresOf<AppRouter['_def']['record']>;
export type ProcedurePath = Procedures['path'];
export type QueryPath = Extract<Procedures, { procedure: { _def: { type: 'query' } } }>['path'];
export type MutationPath = Extract<Procedures, { procedure: { _def: { type: 'mutation' } } }>['path'];
type ProcedureAt<P extends ProcedurePath> = Extract<Procedures, { path: P }>['procedure'];
/** What the procedure at `P` takes (its schema's input side: defaults optional). */
export type InputOf<P extends ProcedurePath> = inferProcedureInput<ProcedureAt<P>>;
/** What the procedure at `P` answers, as the client sees it after superjson (Dates are Dates). */
export type OutputOf<P extends ProcedurePath> = inferTransformedProcedureOutput<AppRouter, ProcedureAt<P>>;
/** The input (optional when the procedure takes none or all-optional input), then the call's options. */
type ArgsOf<P extends ProcedurePath> = undefined extends InputOf<P> ? [input?: InputOf<P>, opts?: CallOptions] : [input: InputOf<P>, opts?: CallOptions];

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
  /** The cookie the answer sets, as `name=value` (for the next call's `cookie`). */
  setCookie: string | undefined;
  /** The answer's headers, whole (Set-Cookie attributes, Retry-After). */
  headers: Headers;
}

async function parse<T>(res: Response): Promise<CallResult<T>> {
  const body = (await res.json()) as { result?: { data: unknown }; error?: { json: CallResult['error'] } };
  const raw = res.headers.get('set-cookie') ?? undefined;
  return {
    status: res.status,
    data: body.result ? (superjson.deserialize(body.result.data as never) as T) : undefined,
    error: body.error?.json ?? (body as { error?: CallResult['error'] }).error,
    setCookie: raw?.split(';')[0],
    headers: res.headers,
  };
}

function headers(opts: CallOptions): Record<string, string> {
  const h: Record<string, string> = { 'content-type': 'application/json' };
  if (opts.cookie) h.cookie = opts.cookie;
  if (opts.origin !== null) h.origin = opts.origin ?? allowedOrigin;
  if (opts.ip) h['x-forwarded-for'] = opts.ip;
  return { ...h, ...opts.headers };
}

type ProcArgs<T extends AnyProcedure> = undefined extends inferProcedureInput<T> ? [input?: inferProcedureInput<T>, opts?: CallOptions] : [input: inferProcedureInput<T>, opts?: CallOptions];
type ProcResult<T extends AnyProcedure> = Promise<CallResult<inferTransformedProcedureOutput<AppRouter, T>>>;

/** AppRouter as a client: each query has `query`, each mutation `mutate`, plus an unchecked form of each. */
export type ApiClient<R = AppRouter['_def']['record']> = {
  [K in keyof R & string]: R[K] extends AnyProcedure
    ? R[K]['_def']['type'] extends 'query'
      ? { query(...args: ProcArgs<R[K]>): ProcResult<R[K]>; queryUnchecked(input: unknown, opts?: CallOptions): Promise<CallResult> }
      : { mutate(...args: ProcArgs<R[K]>): ProcResult<R[K]>; mutateUnchecked(input: unknown, opts?: CallOptions): Promise<CallResult> }
    : ApiClient<R[K]>;
};

/**
 * A client typed by AppRouter over HTTP: `client(api).payouts.request.mutate({ amountMinor }, { cookie })`.
 * Procedures are reached as properties, so renaming, removing or reshaping one breaks the build; the
 * answer keeps the harness's shape (status, data, error, setCookie, headers) so tests read refusals.
 */
export function client(api: ApiTarget): ApiClient {
  const at = (path: string[]): unknown =>
    new Proxy(() => undefined, {
      get(_target, key: string) {
        const name = path.join('.');
        if (key === 'query' || key === 'queryUnchecked') return (input?: unknown, opts?: CallOptions) => send(api, 'query', name as ProcedurePath, input, opts);
        if (key === 'mutate' || key === 'mutateUnchecked') return (input?: unknown, opts?: CallOptions) => send(api, 'mutation', name as ProcedurePath, input, opts);
        return at([...path, key]);
      },
    });
  return at([]) as ApiClient;
}

/** Calls a mutation: the path must be one, the input is its input type, and `data` is its output type. */
export function mutate<P extends MutationPath>(api: ApiTarget, path: P, ...[input, opts]: ArgsOf<P>): Promise<CallResult<OutputOf<P>>> {
  return send(api, 'mutation', path, input, opts);
}

/** Calls a query: the path must be one, the input is its input type, and `data` is its output type. */
export function query<P extends QueryPath>(api: ApiTarget, path: P, ...[input, opts]: ArgsOf<P>): Promise<CallResult<OutputOf<P>>> {
  return send(api, 'query', path, input, opts);
}

/**
 * The escape hatch from the typed calls, for input the procedure's schema does not describe: input
 * malformed on purpose (to see BAD_REQUEST and its zod issues), or a walk over every procedure by a
 * path read at run time (authz-matrix). The path is still a real query / mutation; `data` is unknown.
 */
export function mutateUnchecked(api: ApiTarget, path: MutationPath, input: unknown, opts?: CallOptions): Promise<CallResult> {
  return send(api, 'mutation', path, input, opts);
}

/** See mutateUnchecked. */
export function queryUnchecked(api: ApiTarget, path: QueryPath, input: unknown, opts?: CallOptions): Promise<CallResult> {
  return send(api, 'query', path, input, opts);
}

async function send<T>(api: ApiTarget, type: 'query' | 'mutation', path: ProcedurePath, input: unknown, opts: CallOptions = {}): Promise<CallResult<T>> {
  if (type === 'mutation') {
    const res = await fetch(`${api.baseUrl}/trpc/${path}`, { method: 'POST', headers: headers(opts), body: JSON.stringify(superjson.serialize(input)) });
    return parse<T>(res);
  }
  const qs = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;
  return parse<T>(await fetch(`${api.baseUrl}/trpc/${path}${qs}`, { headers: headers(opts) }));
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
  const res = await mutate(api, 'auth.register', { email, password, displayName: opts.displayName ?? 'Test User' }, opts.ip ? { ip: opts.ip } : {});
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
