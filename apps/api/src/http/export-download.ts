// GET /files/exports/:id — a finished queue export, streamed from storage to the person who made it.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { StoragePort } from '../integrations/storage/storage-port.js';
import { getQueueExport } from '../services/queues/export-queue.js';
import type { UploadRouteDeps } from './route-deps.js';
import { fail } from './route-replies.js';

const params = z.object({ id: z.string().uuid() });

export function registerExportDownload(app: FastifyInstance, deps: Pick<UploadRouteDeps, 'db' | 'authenticate'> & { storage: StoragePort }) {
  app.get('/files/exports/:id', async (req, reply) => {
    const actor = await deps.authenticate(req);
    if (!actor) return fail(reply, 'UNAUTHORIZED', 'Sign in to download your export.');
    const parsed = params.safeParse(req.params);
    const found = parsed.success ? await getQueueExport(deps.db.orm.em.fork(), actor, parsed.data.id) : null;
    if (!found) return fail(reply, 'NOT_FOUND', 'No such export.');
    if (found.state !== 'ready' || !found.storageKey) return fail(reply, 'NOT_FOUND', found.state === 'failed' ? 'This export failed; start a new one.' : 'This export is still being written.');
    const file = await deps.storage.openStream(found.storageKey);
    if (!file) return fail(reply, 'NOT_FOUND', 'The export file is gone; start a new one.');
    return reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename="marketdesk-${found.queue}-${found.createdAt.toISOString().slice(0, 10)}.csv"`)
      .header('cache-control', 'private, no-store')
      .send(file.stream);
  });
}
