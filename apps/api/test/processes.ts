// Real processes for the scale-out and fault tests: API and worker processes started as
// `node --import tsx` (one process, so a SIGKILL hits the server itself), HAProxy on the
// configuration the production proxy image ships (deploy/haproxy/haproxy.cfg), and private Redis /
// PostgreSQL servers on spare ports that a test may stop and restart without touching the shared ones.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { Redis } from 'ioredis';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { haproxyConfigPath, readProxyConfig, repoRoot as root } from './deploy-config.js';

const children = new Set<ChildProcess>();

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface Proc {
  child: ChildProcess;
  /** The last lines the process wrote, for failure messages. */
  output(): string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export function spawnProc(command: string, args: string[], env: Record<string, string>): Proc {
  const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let tail = '';
  const keep = (d: Buffer) => void (tail = (tail + d.toString()).slice(-6000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  child.once('exit', () => children.delete(child));
  return {
    child,
    output: () => tail,
    async kill(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Kills whatever a test file left running (afterAll safety net). */
export async function killAll() {
  await Promise.all([...children].map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : (c.once('exit', r), c.kill('SIGKILL'))))));
}

export function tsProc(entry: string, env: Record<string, string>): Proc {
  return spawnProc(process.execPath, ['--import', 'tsx', join(root, entry)], env);
}

export async function waitForUrl(url: string, ok: (status: number) => boolean = (s) => s === 200, timeoutMs = 60_000, proc?: Proc): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (ok(res.status)) return;
    } catch {
      /* not up yet */
    }
    if (proc && proc.child.exitCode !== null) throw new Error(`process exited (${proc.child.exitCode}) before ${url} was ready:\n${proc.output()}`);
    if (Date.now() > end) throw new Error(`${url} not ready after ${timeoutMs} ms${proc ? `:\n${proc.output()}` : ''}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

export interface ApiProc extends Proc {
  baseUrl: string;
  port: number;
}

/** An API process on a spare port, or on `port` (a process started again where the proxy expects it). */
export async function startApiProcess(env: Record<string, string>, port?: number): Promise<ApiProc> {
  port ??= await freePort();
  // The tests drive many users from one loopback address: rate limits would measure themselves.
  const proc = tsProc('apps/api/src/main.ts', { HOST: '127.0.0.1', RATE_LIMIT_AUTH_PER_IP: '100000', RATE_LIMIT_MUTATIONS_PER_MINUTE: '100000', ...env, PORT: String(port) });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForUrl(`${baseUrl}/readyz`, undefined, 60_000, proc);
  return { ...proc, baseUrl, port };
}

export async function startWorkerProcess(env: Record<string, string>): Promise<Proc & { metricsUrl: string }> {
  const port = await freePort();
  const proc = tsProc('apps/api/src/worker.ts', { HOST: '127.0.0.1', ...env, WORKER_METRICS_PORT: String(port) });
  const metricsUrl = `http://127.0.0.1:${port}/metrics`;
  await waitForUrl(`http://127.0.0.1:${port}/healthz`, undefined, 60_000, proc);
  return { ...proc, metricsUrl };
}

/** Throws, naming the install command, when Debian's haproxy is not on this machine. */
export function requireHaproxy(): void {
  const found = spawnSync('haproxy', ['-v'], { encoding: 'utf8' });
  if (found.error || found.status !== 0) throw new Error('haproxy is not installed: apt-get install -y haproxy (.ci/run installs it)');
}

export interface ProxyProc extends Proc {
  /** The public listeners, one per app, as a browser reaches them. */
  consoleUrl: string;
  storefrontUrl: string;
  /** The listener for the network's own servers (API paths only). */
  internalUrl: string;
  /** HAProxy's statistics (CSV with `;csv`), on the health listener. */
  statsUrl: string;
}

/**
 * Debian's haproxy on deploy/haproxy/haproxy.cfg — the file the production image ships — with every
 * listener on a spare loopback port and the servers pointed at these processes. Fails with the
 * install command when haproxy is missing (.ci/run installs it).
 */
export async function startProxy(targets: { apis: string[]; console: string; storefront: string }): Promise<ProxyProc> {
  requireHaproxy();
  const config = readProxyConfig();
  if (targets.apis.length !== config.apiServers.length) throw new Error(`haproxy.cfg names ${config.apiServers.length} API servers; got ${targets.apis.length} API processes`);
  const [consolePort, storefrontPort, internalPort, healthPort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  const hostPort = (url: string) => new URL(url).host;
  const env: Record<string, string> = {
    CONSOLE_BIND: `127.0.0.1:${consolePort}`,
    STOREFRONT_BIND: `127.0.0.1:${storefrontPort}`,
    API_INTERNAL_BIND: `127.0.0.1:${internalPort}`,
    HEALTH_BIND: `127.0.0.1:${healthPort}`,
    CONSOLE_ADDR: hostPort(targets.console),
    STOREFRONT_ADDR: hostPort(targets.storefront),
    ...Object.fromEntries(config.apiServers.map((s, i) => [s.addressVariable, hostPort(targets.apis[i]!)])),
  };
  const missing = config.variables.filter((v) => !(v in env));
  if (missing.length) throw new Error(`haproxy.cfg reads ${missing.join(', ')}, which startProxy does not set`);
  // -db: in the foreground, one process (a kill reaches HAProxy itself); logs on stdout.
  const proc = spawnProc('haproxy', ['-db', '-f', haproxyConfigPath], env);
  const healthUrl = `http://127.0.0.1:${healthPort}`;
  await waitForUrl(`${healthUrl}/healthz`, undefined, 20_000, proc);
  return {
    ...proc,
    consoleUrl: `http://127.0.0.1:${consolePort}`,
    storefrontUrl: `http://127.0.0.1:${storefrontPort}`,
    internalUrl: `http://127.0.0.1:${internalPort}`,
    statsUrl: `${healthUrl}/stats`,
  };
}

/** Each server's state as HAProxy sees it ("UP", "DOWN", "UP 1/2"…), keyed backend/server. */
export async function proxyServerStates(proxy: ProxyProc): Promise<Record<string, string>> {
  const csv = await (await fetch(`${proxy.statsUrl};csv`)).text();
  const [header, ...rows] = csv.replace(/^# /, '').trim().split('\n').map((l) => l.split(','));
  const at = (name: string) => header!.indexOf(name);
  return Object.fromEntries(rows.filter((r) => !['FRONTEND', 'BACKEND'].includes(r[at('svname')]!)).map((r) => [`${r[at('pxname')]}/${r[at('svname')]}`, r[at('status')]!]));
}

/** Waits until HAProxy's checks have marked these servers (backend/server) UP. */
export async function waitForProxyServersUp(proxy: ProxyProc, servers: string[], timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const states = await proxyServerStates(proxy);
    if (servers.every((s) => states[s] === 'UP')) return;
    if (Date.now() > end) throw new Error(`HAProxy servers not UP after ${timeoutMs} ms: ${JSON.stringify(states)}\n${proxy.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A private redis-server on a spare port; stop() kills it (no persistence), start() brings it back on the same port. */
export async function privateRedis() {
  const port = await freePort();
  let proc: Proc | null = null;
  const handle = {
    url: `redis://127.0.0.1:${port}`,
    async start() {
      proc = spawnProc('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {});
      const end = Date.now() + 10_000;
      while (!(await portOpen(port))) {
        if (Date.now() > end) throw new Error(`private redis did not start: ${proc.output()}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async stop() {
      await proc?.kill('SIGKILL');
      proc = null;
    },
  };
  await handle.start();
  return handle;
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host: '127.0.0.1', port });
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });
}

const pgBin = (name: string) => {
  const found = spawnSync('sh', ['-c', `command -v ${name} || ls /usr/lib/postgresql/*/bin/${name} 2>/dev/null | tail -1`], { encoding: 'utf8' }).stdout.trim().split('\n')[0];
  if (!found) throw new Error(`${name} not found (install postgresql)`);
  return found;
};

/** initdb/pg_ctl wrapped for root: PostgreSQL refuses to run as root, so as the postgres user. */
function asPostgres(cmd: string, args: string[]) {
  const isRoot = process.getuid?.() === 0;
  const r = isRoot ? spawnSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { encoding: 'utf8' }) : spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr || r.stdout}`);
  return r.stdout;
}

/** A throwaway PostgreSQL cluster on a spare port (trust auth), stoppable and restartable. */
export async function privatePostgres() {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'md-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  if (process.getuid?.() === 0) spawnSync('chown', ['postgres', dir]);
  asPostgres(pgBin('initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const ctl = pgBin('pg_ctl');
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100`;
  const handle = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start: async () => void asPostgres(ctl, ['-D', data, '-o', opts, '-l', join(dir, 'log'), '-w', '-t', '30', 'start']),
    /** Immediate shutdown: connections are cut as in a crash. */
    stop: async () => void asPostgres(ctl, ['-D', data, '-m', 'immediate', '-w', 'stop']),
    async destroy() {
      try {
        await handle.stop();
      } catch {
        /* already stopped */
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await handle.start();
  return handle;
}

/**
 * The API and worker compiled as `npm run build` compiles them (scripts/lib/build-node.mjs), into a
 * private directory below apps/api — so their external imports resolve from the workspace's
 * node_modules, and not inside a node_modules folder, where Node would count them as a package's
 * code. Returns the directory (dist/main.js and dist/worker.js are `main.js`, `worker.js` there).
 */
export async function buildApiInto(tag: string): Promise<string> {
  const apiDir = join(root, 'apps', 'api');
  mkdirSync(join(apiDir, '.cache'), { recursive: true });
  const outdir = mkdtempSync(join(apiDir, '.cache', `${tag}-`));
  const buildNode = (await import(join(root, 'scripts/lib/build-node.mjs'))) as { buildNodeProgram(o: { name: string; dir: string; entries: Record<string, string>; outdir: string }): Promise<void> };
  await buildNode.buildNodeProgram({ name: `api (${tag})`, dir: apiDir, entries: { main: 'src/main.ts', worker: 'src/worker.ts' }, outdir });
  return outdir;
}

/** Deletes every key under these Redis prefixes (the queues and schedulers a test's processes made). */
export async function dropRedisPrefixes(prefixes: readonly string[], url = 'redis://127.0.0.1:6379'): Promise<void> {
  const redis = new Redis(url);
  try {
    for (const prefix of prefixes) {
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length) await redis.del(...keys);
    }
  } finally {
    redis.disconnect();
  }
}
