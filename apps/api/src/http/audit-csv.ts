// GET /files/audit.csv?actorId=&action=&objectType=&objectId=&from=&to= — the filtered audit log,
// streamed as CSV (admins with audit.view). The export itself is audited.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { hasGrant } from '@marketdesk/domain';
import type { Database } from '@marketdesk/db';
import { auditCsvStream } from '../services/audit/search-audit.js';
import { runWithAuditContext } from '../services/audit/audit-context.js';
import { writeAudit } from '../services/audit/write-audit.js';
import { auditFilterSchema } from '../routers/audit/audit.types.js';
import type { UploadRouteDeps } from './route-deps.js';
import { fail } from './route-replies.js';

export function registerAuditCsv(app: FastifyInstance, deps: { db: Database; authenticate: UploadRouteDeps['authenticate'] }) {
  app.get('/files/audit.csv', async (req, reply) => {
    const actor = await deps.authenticate(req);
    if (!actor) return fail(reply, 'UNAUTHORIZED', 'Sign in to export the audit log.');
    if (!hasGrant(actor, 'audit.view')) return fail(reply, 'FORBIDDEN', 'The audit log is for admins with the audit.view permission.');
    const parsed = auditFilterSchema.safeParse(Object.fromEntries(Object.entries(req.query as Record<string, string>).filter(([, v]) => v !== '')));
    if (!parsed.success) return fail(reply, 'BAD_REQUEST', z.prettifyError(parsed.error));
    const em = deps.db.orm.em.fork();
    await runWithAuditContext({ actor: { id: actor.id, roles: actor.roles }, requestId: String(req.id), ip: req.ip, userAgent: req.headers['user-agent']?.slice(0, 400) ?? null }, () =>
      writeAudit(em, { action: 'audit.exported', objectType: 'audit_log', after: { filter: parsed.data } }),
    );
    const day = new Date().toISOString().slice(0, 10);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="marketdesk-audit-${day}.csv"`)
      .header('cache-control', 'private, no-store')
      .send(auditCsvStream(em, actor, parsed.data));
  });
}
