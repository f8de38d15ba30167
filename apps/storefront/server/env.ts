// The storefront server's configuration, checked once (the only reader of process.env here):
// PORT (default 5174), HOST, API_URL, PROXY_API — packages/ui/server/env.ts says what each means —
// and PUBLIC_BASE_URL, the storefront's public origin for canonical links and Open Graph URLs
// (default http://localhost:PORT).
import { readAppServerEnv, readHttpUrl, type AppServerEnv } from '../../../packages/ui/server/index';

export interface StorefrontEnv extends AppServerEnv {
  publicBaseUrl: string;
}

export function readEnv(source: Record<string, string | undefined> = process.env): StorefrontEnv {
  const env = readAppServerEnv(source, { port: 5174 });
  return { ...env, publicBaseUrl: readHttpUrl(source, 'PUBLIC_BASE_URL', `http://localhost:${env.port}`) };
}
