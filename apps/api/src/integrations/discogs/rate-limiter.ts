// Discogs allows N requests per moving 60-second window per token (60 authenticated) and reports
// its count on every response: X-Discogs-Ratelimit (N), -Used and -Remaining. We follow the
// server's numbers rather than guess: with requests left we go at once; with none left we wait
// until our oldest request in the window has aged out (or one slot's share of the window when others
// spent the budget), and refuse rather than keep a person waiting longer than `maxWaitMs`. Requests run one at a time per client
// so every decision sees the headers of the previous answer.
import { DiscogsError } from './discogs-errors.js';

export interface RateLimitState {
  limit: number | null;
  remaining: number | null;
}

export interface RateLimiterOptions {
  windowMs: number;
  /** A person is waiting: rather than hold a request longer than this, refuse it as rate limited. */
  maxWaitMs: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

export class DiscogsRateLimiter {
  private state: RateLimitState = { limit: null, remaining: null };
  private sent: number[] = [];
  private chain: Promise<unknown> = Promise.resolve();
  /** How long each request waited for the rate limit, for tests and logs. */
  readonly waits: number[] = [];

  constructor(private readonly options: RateLimiterOptions) {}

  get current(): Readonly<RateLimitState> {
    return this.state;
  }

  /** Runs `task` when the window allows, one task at a time. */
  schedule<T>(task: () => Promise<T>): Promise<T> {
    const run = this.chain.then(async () => {
      await this.waitForSlot();
      this.sent.push(this.options.now());
      return task();
    });
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** Read the X-Discogs-Ratelimit-* headers of a response. */
  observe(headers: Headers): void {
    const limit = Number(headers.get('x-discogs-ratelimit'));
    const remaining = Number(headers.get('x-discogs-ratelimit-remaining'));
    if (headers.has('x-discogs-ratelimit') && Number.isFinite(limit) && limit > 0) this.state.limit = limit;
    if (headers.has('x-discogs-ratelimit-remaining') && Number.isFinite(remaining)) this.state.remaining = Math.max(0, remaining);
  }

  /** A 429 means the budget is gone whatever the headers said. */
  exhausted(): void {
    this.state.remaining = 0;
  }

  /** After waiting out a Retry-After the server expects us back: the next answer's headers count again. */
  retryAllowed(): void {
    this.state.remaining = null;
  }

  private async waitForSlot(): Promise<void> {
    const { windowMs, now } = this.options;
    const cutoff = now() - windowMs;
    this.sent = this.sent.filter((t) => t > cutoff);
    if (this.state.remaining === null || this.state.remaining > 0) {
      if (this.state.remaining !== null) this.state.remaining -= 1;
      this.waits.push(0);
      return;
    }
    const limit = this.state.limit ?? 60;
    const slotMs = Math.ceil(windowMs / limit);
    // Only when we ourselves spent the whole budget do we know when a slot frees: as our oldest
    // request leaves the window. Otherwise (others spent it) one slot's share, then the headers again.
    const oldest = this.sent.length >= limit ? this.sent[0] : undefined;
    const waitMs = Math.max(slotMs, oldest !== undefined ? oldest + windowMs - now() : 0);
    if (waitMs > this.options.maxWaitMs) {
      throw new DiscogsError('Discogs rate limit reached; try again shortly', 'rate_limited', 429, waitMs);
    }
    this.waits.push(waitMs);
    await this.options.sleep(waitMs);
    // One slot has freed; the next response's headers tell us the real count again.
    this.state.remaining = 0;
    this.sent.shift();
  }
}
