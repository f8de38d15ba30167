// The console server's configuration (the only reader of process.env here): PORT (default 5173),
// HOST, API_URL, PROXY_API — packages/ui/server/env.ts says what each means.
import { readAppServerEnv, type AppServerEnv } from '../../../packages/ui/server/index';

export function readEnv(source: Record<string, string | undefined> = process.env): AppServerEnv {
  return readAppServerEnv(source, { port: 5173 });
}
