// Configuration, read once from the environment and validated. The only module that reads process.env.
import { z } from 'zod';
import type { IncompatiblePgliteDataError } from '@marketdesk/db';
import { stripeConfigSchema } from './integrations/stripe/config.js';
import { storageConfigSchema } from './integrations/storage/config.js';
import { discogsConfigSchema } from './integrations/discogs/config.js';
import { holidayConfigSchema } from './integrations/holidays/config.js';
import { jobsConfigSchema } from './jobs/config.js';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'expected true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const csv = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);

const schema = stripeConfigSchema.extend(storageConfigSchema.shape).extend(discogsConfigSchema.shape).extend(holidayConfigSchema.shape).extend(jobsConfigSchema.shape).extend({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number({ message: 'expected a port number' }).int().min(0).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'expected a postgres:// URL')
    .optional(),
  PGLITE_DIR: z.string().default('./.data/pglite'),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'expected a redis:// URL').default('redis://127.0.0.1:6379'),
  /** Namespaces every Redis key, queue and stream, so test runs and environments never collide. */
  REDIS_PREFIX: z.string().regex(/^[a-z0-9_-]+$/i, 'letters, digits, _ and - only').default('md'),
  ALLOWED_ORIGINS: csv.default(['http://localhost:5173', 'http://localhost:5174']),
  SESSION_COOKIE: z.string().default('md_session'),
  SESSION_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  /** Failed sign-ins from one IP per LOGIN_WINDOW_MINUTES (successful ones never count). */
  RATE_LIMIT_LOGIN_FAILURES_PER_IP: z.coerce.number().int().min(1).default(30),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'expected an smtp:// URL').optional(),
  MAIL_DIR: z.string().default('./.data/mail'),
  MAIL_FROM: z.string().default('Marketdesk <no-reply@marketdesk.test>'),
  OUTBOX_POLL_MS: z.coerce.number().int().min(50).default(1000),
  RUN_MIGRATIONS: bool.default(true),
  SEED_DEMO: bool.default(false),
  /** Run the BullMQ workers inside the API process (required with embedded PGlite: one process owns it). */
  WORKER_IN_PROCESS: bool.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_PRETTY: bool.default(false),
  /** Trust X-Forwarded-For (only behind a load balancer that sets it), for client IPs in rate limits. */
  TRUST_PROXY: bool.default(false),
  /** Platform commission on item subtotals, in basis points (1250 = 12.5 %). */
  PLATFORM_FEE_BP: z.coerce.number().int().min(0).max(10_000).default(1000),
  /** How long checkout holds stock while the buyer pays. */
  RESERVATION_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  /** Delivered orders complete by themselves (releasing escrow) after this many days without a dispute. */
  AUTO_COMPLETE_DAYS: z.coerce.number().min(0).max(90).default(14),
  /** How long a running job's lock lasts without renewal before another worker takes it over. */
  JOB_LOCK_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  /** Smallest payout a seller may request, in minor units. */
  PAYOUT_MIN_MINOR: z.coerce.number().int().min(1).default(1000),
  /** Agents refund up to this much on a dispute by themselves; more needs an admin (cents). */
  DISPUTE_AGENT_REFUND_LIMIT_MINOR: z.coerce.number().int().min(0).default(20_000),
  /** A queue claim lapses after this many minutes without activity by its holder (fractions allowed). */
  CLAIM_IDLE_MINUTES: z.coerce.number().positive().max(24 * 60).default(10),
  /** A firm offer on a seller's submission stays open this long before it expires (fractions allowed). */
  QUOTE_VALID_MINUTES: z.coerce.number().positive().max(90 * 24 * 60).default(7 * 24 * 60),
  /** A recommendation source slower than this shows popular items instead (the page never waits on it). */
  DISCOVERY_TIMEOUT_MS: z.coerce.number().int().min(10).max(10_000).default(250),
  /** Bearer token for GET /metrics; without one, /metrics answers loopback callers only. */
  METRICS_TOKEN: z.string().min(16, 'at least 16 characters').optional(),
  /** Port of the worker's own /metrics server (0 = none). */
  WORKER_METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  /** OTLP/HTTP collector base URL (e.g. http://127.0.0.1:4318): tracing is off unless set. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.string().url().optional(),
  /** Run the outbox relay in this API process; false for serving-only processes when another relays. */
  OUTBOX_RELAY: bool.default(true),
  /** Chat messages one person may send per window (Redis, across processes), and the window. */
  CHAT_SEND_LIMIT: z.coerce.number().int().min(1).max(10_000).default(20),
  CHAT_SEND_WINDOW_SECONDS: z.coerce.number().int().min(1).max(3600).default(10),
  /**
   * Limits per live socket, so one connection cannot keep the API busy: rooms it may follow at once
   * (its own user/session rooms and presence aside), events it may send per 10 seconds (a token
   * bucket: a burst of that many, refilled evenly), and refusals within 10 seconds before it is
   * disconnected.
   */
  SOCKET_MAX_ROOMS: z.coerce.number().int().min(1).max(10_000).default(200),
  SOCKET_EVENTS_PER_10S: z.coerce.number().int().min(1).max(100_000).default(100),
  SOCKET_STRIKES_BEFORE_DISCONNECT: z.coerce.number().int().min(1).max(10_000).default(10),
  /** 32 bytes (base64 or hex) sealing TOTP keys at rest; required in production, a fixed dev key otherwise. */
  AUTH_ENCRYPTION_KEY: z.string().regex(/^([0-9a-f]{64}|[A-Za-z0-9+/]{43}=?)$/, 'expected 32 bytes as hex or base64').optional(),
  /** Public base URLs used in emailed links and after a Google sign-in. */
  STOREFRONT_URL: z.string().url().default('http://localhost:5174'),
  CONSOLE_URL: z.string().url().default('http://localhost:5173'),
  /** How the browser reaches this API (the OAuth redirect URI is built from it). */
  API_PUBLIC_URL: z.string().url().default('http://localhost:3000'),
  PASSWORD_RESET_TTL_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(30),
  EMAIL_VERIFICATION_TTL_HOURS: z.coerce.number().int().min(1).max(14 * 24).default(48),
  /**
   * Admins and agents must enrol TOTP before using staff procedures (the console sends them to enrol).
   * Unset: on in production, off elsewhere (the demo's staff sign in with the password only).
   */
  STAFF_2FA_REQUIRED: bool.optional(),
  /** Registrations, password-reset and verification requests per IP per window (sign-ins have their own failure budget). */
  RATE_LIMIT_AUTH_PER_IP: z.coerce.number().int().min(1).default(20),
  RATE_LIMIT_AUTH_WINDOW_SECONDS: z.coerce.number().int().min(1).default(600),
  /** Any one mutation per signed-in user (or per IP when anonymous) per minute. */
  RATE_LIMIT_MUTATIONS_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  /** Largest request body the API accepts (uploads have their own limits). */
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(50 * 1024 * 1024).default(1024 * 1024),
  /** Google sign-in (OpenID Connect, code flow with PKCE); hidden unless both are set. */
  GOOGLE_CLIENT_ID: z.string().min(1).optional(),
  GOOGLE_CLIENT_SECRET: z.string().min(1).optional(),
  /** The OpenID provider's issuer (discovery at {issuer}/.well-known/openid-configuration); tests point it at a local one. */
  OIDC_ISSUER: z.string().url().default('https://accounts.google.com'),
});

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parse a config from a source (process.env by default); throws ConfigError naming each bad variable. */
export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(present);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((i) => {
      const name = i.path.join('.');
      const value = present[name];
      return `${name}: ${i.message}${value !== undefined ? ` (got "${value}")` : ''}`;
    }),
  );
}

/** Test helper and defaults in one: a config with overrides, validated the same way. */
export function configWith(overrides: Record<string, string | undefined>): Config {
  return loadConfig({ ...overrides });
}

/** For process entry points: a bad config prints the problems and exits with EX_CONFIG (78). */
export function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    process.exit(78);
  }
}

/**
 * For process entry points opening the database: an embedded data folder this PGlite cannot read
 * (PGLITE_DIR made by an older major) prints what to do and exits with EX_CONFIG (78), no stack.
 * Recognised by name: this module loads before tracing starts, so it must not import the ORM (pg).
 */
export function exitOnIncompatibleDataFolder(err: unknown): never {
  if (!isIncompatibleDataFolder(err)) throw err;
  console.error(err.message);
  process.exit(78);
}

const isIncompatibleDataFolder = (err: unknown): err is IncompatiblePgliteDataError => err instanceof Error && err.name === 'IncompatiblePgliteDataError';
