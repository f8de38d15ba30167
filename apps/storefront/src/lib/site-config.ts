// Settings the storefront needs on both sides of server rendering. The server sets them from its
// env (server/env.ts); the browser reads them back from the server's state.
export interface SiteConfig {
  /** Absolute origin used for canonical links and Open Graph URLs. */
  baseUrl: string;
}

export const DEFAULT_BASE_URL = 'http://localhost:5174';

let current: SiteConfig = { baseUrl: DEFAULT_BASE_URL };

export function setSiteConfig(next: Partial<SiteConfig>): void {
  current = { ...current, ...next, baseUrl: (next.baseUrl ?? current.baseUrl).replace(/\/+$/, '') };
}

export function siteConfig(): SiteConfig {
  return current;
}

/** An absolute URL on this site for a path such as `/l/abbey-road`. */
export function absoluteUrl(path: string): string {
  return `${current.baseUrl}${path.startsWith('/') ? path : `/${path}`}`;
}

/** Local-storage key of the visitor's colour scheme (read by the head script before paint). */
export const COLOR_SCHEME_KEY = 'marketdesk-storefront-color-scheme';

/** Where people write about anything an order's conversation does not cover (their account, their data). Operators set their own. */
export const SUPPORT_EMAIL = 'support@marketdesk.test';
