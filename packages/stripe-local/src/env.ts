// The standalone server's settings (cli.ts): the only place this package reads process.env.
export interface CliEnv {
  port: number;
  host: string | undefined;
  webhookUrl: string | undefined;
  webhookSecret: string | undefined;
  autoSettlePayoutsAfterMs: number | undefined;
  /** Start with this much (minor units, EUR) on the platform balance, like a long-running account. */
  fundPlatformMinor: number | undefined;
}

export function readCliEnv(env: NodeJS.ProcessEnv = process.env): CliEnv {
  const port = Number(env.STRIPE_SERVER_PORT ?? 12111);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`STRIPE_SERVER_PORT: expected a port number, got ${env.STRIPE_SERVER_PORT}`);
  const settle = env.STRIPE_AUTO_SETTLE_PAYOUTS_MS;
  return { port, host: env.STRIPE_SERVER_HOST, webhookUrl: env.STRIPE_WEBHOOK_URL, webhookSecret: env.STRIPE_WEBHOOK_SECRET, autoSettlePayoutsAfterMs: settle ? Number(settle) : undefined, fundPlatformMinor: env.STRIPE_FUND_PLATFORM_MINOR ? Number(env.STRIPE_FUND_PLATFORM_MINOR) : undefined };
}
