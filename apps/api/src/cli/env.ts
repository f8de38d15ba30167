// What the command-line tools read from the environment beyond the API's own configuration (which
// they load through ../env.ts): only secrets given to one command, never kept in Config.
import { z } from 'zod';

const schema = z.object({
  /** `admin:create`: the password, for scripted runs; without it the command reads stdin. */
  ADMIN_PASSWORD: z.string().optional(),
});

export function readCliEnv(source: Record<string, string | undefined> = process.env) {
  const { ADMIN_PASSWORD } = schema.parse({ ADMIN_PASSWORD: source.ADMIN_PASSWORD || undefined });
  return { adminPassword: ADMIN_PASSWORD };
}
