// What the plain-HTTP routes (uploads, private files, CSV exports) are handed by create-app.ts, and
// how they find the signed-in person: the session cookie, checked as tRPC's context checks it.
import type {} from '@fastify/cookie'; // req.cookies
import type { FastifyRequest } from 'fastify';
import type { Database } from '@marketdesk/db';
import type { Config } from '../env.js';
import type { StoragePort } from '../integrations/storage/storage-port.js';
import type { FileScanner } from '../integrations/scanning/file-scanner.js';
import type { JobQueues } from '../jobs/queues.js';
import type { SessionActor, SessionService } from '../services/auth/session-service.js';
import { sessionTokenOf } from '../services/auth/session-cookie.js';

export interface UploadRouteDeps {
  db: Database;
  storage: StoragePort;
  scanner: FileScanner;
  config: Config;
  authenticate: (req: FastifyRequest) => Promise<SessionActor | null>;
  enqueue: JobQueues['enqueue'];
}

/** The signed-in actor from the session cookie, the same check tRPC's context makes. */
export function sessionAuthenticator(deps: { db: Database; config: Config; sessions: SessionService }): UploadRouteDeps['authenticate'] {
  return async (req) => {
    const token = sessionTokenOf(deps.config, req.headers, req.cookies);
    if (!token) return null;
    const validated = await deps.sessions.validate(deps.db.orm.em.fork(), token, new Date());
    return validated?.actor ?? null;
  };
}
