// Writes a queue export (see services/queues/export-queue.ts). Large views take a while: the job
// streams them and reports progress; a retry of a finished export does nothing.
import { runQueueExport } from '../../services/queues/export-queue.js';
import { defineJob } from '../job-definition.js';

export const queueExportJob = defineJob('queues.export', {
  async handle(ctx, { exportId }) {
    const outcome = await runQueueExport(ctx.db.orm.em.fork(), ctx.storage, exportId, ctx.now);
    ctx.log.info({ exportId, outcome }, 'queue export');
  },
});
