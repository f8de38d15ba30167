// Test helpers for the app servers (packages/ui/server and apps/*/server tests): raw HTTP requests
// (fetch would negotiate and decode the encoding itself) and a built client bundle in a temp dir.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { precompressFile } from '../compression';

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** As sent: still compressed when Content-Encoding says so. */
  body: Buffer;
}

/** One request to 127.0.0.1:port with exactly these headers (no Accept-Encoding unless given). */
export function rawRequest(port: number, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Listens on a free port of 127.0.0.1. */
export async function listenOnFreePort(server: Server): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return (server.address() as AddressInfo).port;
}

/** Text big enough to be precompressed, different per call site. */
export const compressibleText = (label: string) => `/* ${label} */\n${Array.from({ length: 400 }, (_, i) => `export const value${i} = "${label} ${i}";`).join('\n')}\n`;

/**
 * A built client bundle as Vite leaves it: files by path relative to the bundle (string content),
 * precompressed like the build does (vite/precompress.ts) when `precompress` names them.
 */
export async function writeClientBundle(files: Record<string, string | Buffer>, precompress: string[] = [], into?: string): Promise<string> {
  const clientDir = into ?? join(await mkdtemp(join(tmpdir(), 'md-app-server-')), 'client');
  for (const [name, content] of Object.entries(files)) {
    await mkdir(dirname(join(clientDir, name)), { recursive: true });
    await writeFile(join(clientDir, name), content);
  }
  for (const name of precompress) await precompressFile(join(clientDir, name));
  return clientDir;
}

/**
 * Compiles an app's production server with its own build script (`node build.mjs --outdir`) into
 * a temp dist/, as `npm run build` does; returns that dist/ directory.
 */
export async function buildAppServer(appDir: string): Promise<string> {
  const distDir = join(await mkdtemp(join(tmpdir(), 'md-app-dist-')), 'dist');
  const built = spawnSync(process.execPath, ['build.mjs', '--outdir', distDir], { cwd: appDir, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`node build.mjs failed (${built.status}):\n${built.stdout}${built.stderr}`);
  return distDir;
}

export interface RunningServer {
  process: ChildProcess;
  port: number;
  output: () => string;
}

/**
 * Starts a compiled server with plain `node` and this environment only (plus PATH), and resolves
 * with its port once it logs "listening on http://HOST:PORT"; rejects with its output if it exits.
 */
export function runNodeServer(file: string, env: Record<string, string>): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/listening on http:\/\/[^:\s]+:(\d+)/);
      if (match) resolve({ process: child, port: Number(match[1]), output: () => output });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('exit', (code, signal) => reject(new Error(`${file} exited (${code ?? signal}) before listening:\n${output}`)));
  });
}

/** Runs a compiled server to its end (a configuration error); its exit code and output. */
export function runNodeServerToExit(file: string, env: Record<string, string>): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [file], { env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8' });
  return { status: result.status, output: result.stdout + result.stderr };
}

/** Stops a server with SIGTERM (as `docker stop` does) and resolves with its exit code. */
export function stopNodeServer(server: RunningServer): Promise<number | null> {
  return new Promise((resolve) => {
    if (server.process.exitCode !== null) return resolve(server.process.exitCode);
    server.process.once('exit', (code) => resolve(code));
    server.process.kill('SIGTERM');
  });
}
