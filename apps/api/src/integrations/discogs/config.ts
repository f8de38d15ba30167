// Discogs configuration, merged into apps/api/src/env.ts. Without DISCOGS_TOKEN catalog enrichment
// is off: the API says so (`enrichment.capabilities`) and the console hides "Look up on Discogs".
import { z } from 'zod';

export const discogsConfigSchema = z.object({
  /** A Discogs personal access token (discogs.com → Settings → Developers). */
  DISCOGS_TOKEN: z.string().min(10).optional(),
  /** Where the API lives; tests point it at a local server replaying recorded responses. */
  DISCOGS_API_BASE: z.string().url().default('https://api.discogs.com'),
  /** Discogs asks every client to identify itself. */
  DISCOGS_USER_AGENT: z.string().min(3).default('Marketdesk/1.0 +https://marketdesk.test'),
});

export type DiscogsEnv = z.infer<typeof discogsConfigSchema>;
