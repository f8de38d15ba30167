// Small process helpers shared by the start, test and e2e-stack scripts (plain Node, no deps, so
// they run on a fresh clone before `npm ci`).
import { spawn, spawnSync } from 'node:child_process';
import net from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const bin = (name) => join(root, 'node_modules', '.bin', name);
const colours = [36, 35, 33, 32, 34];
const children = [];


export function run(name, command, args, options = {}) {
  const colour = colours[children.length % colours.length];
  const tag = `\x1b[${colour}m${name.padEnd(10)}\x1b[0m│ `;
  const child = spawn(command, args, {
    cwd: options.cwd ?? root,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pipe = (stream, out) => {
    let buffer = '';
    stream.on('data', (chunk) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop();
      for (const line of lines) if (!options.quiet) out.write(tag + line + '\n');
    });
  };
  pipe(child.stdout, process.stdout);
  pipe(child.stderr, process.stderr);
  child.on('exit', (code, signal) => {
    if (!shuttingDown) {
      console.error(`${tag}exited (${signal ?? code}); stopping everything.`);
      stopAll(code || 1);
    }
  });
  children.push(child);
  return child;
}

let shuttingDown = false;
let cleanups = [];
export function onShutdown(fn) {
  cleanups.push(fn);
}

export async function stopAll(code = 0) {
  if (shuttingDown) return;
  shuttingDown = true;
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  await Promise.all(
    children.map((c) => (c.exitCode !== null ? null : new Promise((r) => { c.once('exit', r); setTimeout(() => { c.kill('SIGKILL'); r(); }, 8000).unref(); }))),
  );
  for (const fn of cleanups) await fn().catch?.(() => {});
  process.exit(code);
}

export function stopOnSignals() {
  for (const s of ['SIGINT', 'SIGTERM']) process.once(s, () => void stopAll(0));
}

export function portOpen(host, port, timeoutMs = 500) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => { socket.destroy(); resolve(ok); };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export async function waitForUrl(url, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not become ready within ${timeoutMs / 1000}s`);
}

export function hasBinary(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
}

/** Redis must exist: use the configured one, else start a local redis-server, else explain. */
export async function ensureRedis(redisUrl) {
  const url = new URL(redisUrl);
  const host = url.hostname;
  const port = Number(url.port || 6379);
  if (await portOpen(host, port)) return;
  if (hasBinary('redis-server') && ['127.0.0.1', 'localhost'].includes(host)) {
    console.log(`Redis is not answering on ${host}:${port}; starting a local redis-server.`);
    run('redis', 'redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { quiet: true });
    for (let i = 0; i < 50 && !(await portOpen(host, port)); i++) await new Promise((r) => setTimeout(r, 100));
    if (await portOpen(host, port)) return;
  }
  console.error(
    `Marketdesk needs Redis at ${redisUrl} and none answers.\n` +
      '  Start one with:  docker compose up -d redis\n' +
      '  or install it:   apt-get install redis-server   (macOS: brew install redis)\n' +
      '  or point REDIS_URL at an existing server.',
  );
  process.exit(1);
}
