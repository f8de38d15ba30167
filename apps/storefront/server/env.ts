// The storefront server's configuration, checked once (the only reader of process.env here).
import { z } from 'zod';

const schema = z.object({
  /** Where the server renderer reaches the API (tRPC) from inside the network. */
  API_URL: z.string().url().default('http://127.0.0.1:3000'),
  /** The public origin of the storefront, for canonical links and Open Graph URLs. */
  PUBLIC_BASE_URL: z.string().url().default('http://localhost:5174'),
  STOREFRONT_PORT: z.coerce.number().int().min(1).max(65535).default(5174),
  HOST: z.string().default('0.0.0.0'),
  /** Forward /trpc, /uploads and /media to API_URL (local runs without a load balancer; no WebSocket). */
  PROXY_API: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
});

export type StorefrontEnv = z.infer<typeof schema>;

export function readEnv(source: Record<string, string | undefined> = process.env): StorefrontEnv {
  return schema.parse(source);
}
