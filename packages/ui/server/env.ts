// The production app servers' configuration, checked once at start-up (the only reader of
// process.env for them). The same names for both apps, as the Dockerfile and the start scripts
// (scripts/lib/stack.mjs) set them:
//   PORT       where to listen (console 5173, storefront 5174 unless set)
//   HOST       the address to bind (default 0.0.0.0)
//   API_URL    the API (default http://127.0.0.1:3000): the storefront's renderer calls it, and
//   PROXY_API  true/1: forward the API's paths to API_URL — for a machine without a reverse proxy
//              (default false: in production the reverse proxy routes them)

export interface AppServerEnv {
  port: number;
  host: string;
  apiUrl: string;
  proxyApi: boolean;
}

type Source = Readonly<Record<string, string | undefined>>;

/** A configuration value that cannot be used: the message names the variable and what it takes. */
export class AppServerEnvError extends Error {
  override name = 'AppServerEnvError';
}

const value = (source: Source, name: string): string | undefined => {
  const raw = source[name]?.trim();
  return raw ? raw : undefined;
};

export function readPort(source: Source, name: string, fallback: number): number {
  const raw = value(source, name);
  if (raw === undefined) return fallback;
  const port = Number(raw);
  // 0 asks the system for a free port (the servers' tests use it).
  if (!/^\d+$/.test(raw) || port > 65535) throw new AppServerEnvError(`${name} must be a port number from 0 to 65535, not "${raw}"`);
  return port;
}

export function readHttpUrl(source: Source, name: string, fallback: string): string {
  const raw = value(source, name) ?? fallback;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppServerEnvError(`${name} must be an http(s) URL such as http://127.0.0.1:3000, not "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new AppServerEnvError(`${name} must be an http(s) URL, not "${raw}"`);
  return url.origin;
}

export function readBoolean(source: Source, name: string, fallback: boolean): boolean {
  const raw = value(source, name)?.toLowerCase();
  if (raw === undefined) return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new AppServerEnvError(`${name} must be true or false (or 1/0), not "${raw}"`);
}

export function readAppServerEnv(source: Source, defaults: { port: number }): AppServerEnv {
  return {
    port: readPort(source, 'PORT', defaults.port),
    host: value(source, 'HOST') ?? '0.0.0.0',
    apiUrl: readHttpUrl(source, 'API_URL', 'http://127.0.0.1:3000'),
    proxyApi: readBoolean(source, 'PROXY_API', false),
  };
}

/** Reads a server's configuration; a bad value ends the process with its message (exit code 1). */
export function readEnvOrExit<T>(name: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof AppServerEnvError)) throw error;
    console.error(`${name}: ${error.message}`);
    process.exit(1);
  }
}
