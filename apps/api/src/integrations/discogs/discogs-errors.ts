// What can go wrong talking to Discogs, as values the enrichment service maps to AppErrors.
export class DiscogsError extends Error {
  constructor(
    message: string,
    public readonly kind: 'not_found' | 'rate_limited' | 'unauthorized' | 'unavailable' | 'bad_response',
    public readonly status: number | null = null,
    public readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'DiscogsError';
  }
}
