// Server processes for benchmarks that measure the server apart from the load generator: the API
// (and worker) of the compiled build as `node dist/…` children, as production runs them, so their
// CPU and RSS are the real process's own; the Stripe test double from TypeScript.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));

/** A benchmark is one client doing what many would: per-IP and per-user rate limits off. */
export const benchLimits = { RATE_LIMIT_AUTH_PER_IP: '1000000', RATE_LIMIT_MUTATIONS_PER_MINUTE: '1000000', LOGIN_MAX_FAILURES: '1000000' };

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export interface Server {
  child: ChildProcess;
  url: string;
  stop(): Promise<void>;
}

export function spawnTs(entry: string, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, entry)], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr!.on('data', (d: Buffer) => process.stderr.write(`[${entry.split('/').pop()}] ${d}`));
  return child;
}

/**
 * A compiled program of the production build (`apps/api/dist/main.js`…), started as production
 * starts it: plain `node`, no TypeScript loader. Callers build first (`buildApi()`).
 */
export function spawnCompiled(file: string, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['--enable-source-maps', join(root, file)], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr!.on('data', (d: Buffer) => process.stderr.write(`[${file.split('/').pop()}] ${d}`));
  return child;
}

let built = false;
/** `npm run build -w @marketdesk/api`, so a benchmark measures the code as it is now (once per run). */
export function buildApi(): void {
  built = true;
  const r = spawnSync(process.execPath, [join(root, 'apps/api/build.mjs')], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('the API build failed');
}

export async function waitFor(url: string, child: ChildProcess, timeoutMs = 90_000, ok: (res: Response) => boolean = (r) => r.ok): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`process exited (${child.exitCode}) before ${url} answered`);
    try {
      if (ok(await fetch(url))) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

export const stopChild = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 8000).unref();
  });

export async function startApi(env: Record<string, string>, port?: number): Promise<Server> {
  port ??= await freePort();
  if (!built) buildApi();
  const child = spawnCompiled('apps/api/dist/main.js', { HOST: '127.0.0.1', LOG_LEVEL: 'warn', RUN_MIGRATIONS: 'false', ...env, PORT: String(port) });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/readyz`, child);
  return { child, url, stop: () => stopChild(child) };
}

/** The local Stripe-compatible server (packages/stripe-local): every benchmark pays through it. */
export async function startStripe(webhookUrl: string, webhookSecret: string): Promise<Server> {
  const port = await freePort();
  const child = spawnTs('packages/stripe-local/src/cli.ts', { STRIPE_SERVER_PORT: String(port), STRIPE_SERVER_HOST: '127.0.0.1', STRIPE_WEBHOOK_URL: webhookUrl, STRIPE_WEBHOOK_SECRET: webhookSecret, STRIPE_FUND_PLATFORM_MINOR: '100000000000' });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(url, child, 60_000, () => true);
  return { child, url, stop: () => stopChild(child) };
}
