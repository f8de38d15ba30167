export { DiscogsClient, parseRetryAfterMs, type DiscogsClientOptions } from './discogs-client.js';
export { DiscogsCatalog } from './discogs-catalog.js';
export { DiscogsError } from './discogs-errors.js';
export type { CatalogPort, MarketPrices, ReleaseDetails, ReleaseSummary } from './catalog-port.js';
export { discogsConfigSchema } from './config.js';
