// Dispute evidence files, private to the dispute's buyer and seller and to staff:
//   POST /uploads/dispute-evidence                          multipart `file`; PDF/JPEG/PNG/WebP
//   GET  /files/disputes/:disputeId/evidence/:evidenceId/:n  the parties and staff with disputes.view
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { can } from '@marketdesk/domain';
import { disputeRepository } from '../repositories/dispute-repository.js';
import { receivePrivateFile, sendPrivateFile } from './private-files.js';
import type { UploadRouteDeps } from './route-deps.js';
import { fail } from './route-replies.js';

const params = z.object({ disputeId: z.string().uuid(), evidenceId: z.string().uuid(), n: z.coerce.number().int().min(0).max(20) });
const evidence = { purpose: 'dispute_evidence', permission: 'disputes.view', keyPrefix: 'dispute-evidence', noun: 'a piece of evidence', who: 'the parties of a dispute and support' } as const;

export function registerDisputeEvidenceRoutes(scope: FastifyInstance, deps: UploadRouteDeps) {
  scope.post('/uploads/dispute-evidence', (req, reply) => receivePrivateFile(req, reply, deps, evidence));
  scope.get('/files/disputes/:disputeId/evidence/:evidenceId/:n', (req, reply) => getEvidence(req, reply, deps));
}

async function getEvidence(req: FastifyRequest, reply: FastifyReply, deps: UploadRouteDeps) {
  const actor = await deps.authenticate(req);
  if (!actor) return fail(reply, 'UNAUTHORIZED', 'Sign in to see this file.');
  const parsed = params.safeParse(req.params);
  const em = deps.db.orm.em.fork();
  const d = parsed.success ? await disputeRepository.find(em, parsed.data.disputeId) : null;
  if (!d || !can(actor, 'disputes.view', { kind: 'dispute', buyerId: d.buyerId, sellerId: d.sellerId })) return fail(reply, 'NOT_FOUND', 'No such file.');
  const file = (await disputeRepository.evidence(em, d.id)).find((e) => e.id === parsed.data!.evidenceId)?.files[parsed.data!.n];
  if (!file) return fail(reply, 'NOT_FOUND', 'No such file.');
  return sendPrivateFile(reply, deps, file.storageKey, `dispute-evidence-${parsed.data!.n + 1}`, 'No such file.');
}
