// KYC documents, private to the seller and KYC reviewers:
//   POST /uploads/kyc-documents                     multipart `file`; sellers (kyc.submit); PDF/JPEG/PNG/WebP
//   GET  /files/kyc/:checkId/documents/:documentId  the check's seller, or staff with kyc.review
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { hasGrant, isStaff } from '@marketdesk/domain';
import { queueItemRepository } from '../repositories/queue-item-repository.js';
import { mayViewPiiOf } from '../services/pii/mask-views.js';
import { runWithAuditContext } from '../services/audit/audit-context.js';
import { writeAudit } from '../services/audit/write-audit.js';
import { kycRepository } from '../repositories/kyc-repository.js';
import { receivePrivateFile, sendPrivateFile } from './private-files.js';
import type { UploadRouteDeps } from './route-deps.js';
import { fail } from './route-replies.js';

const params = z.object({ checkId: z.string().uuid(), documentId: z.string().uuid() });
const kycDocument = { purpose: 'kyc_document', permission: 'kyc.submit', keyPrefix: 'kyc-documents', noun: 'a KYC document', who: 'sellers' } as const;

export function registerKycDocumentRoutes(scope: FastifyInstance, deps: UploadRouteDeps) {
  scope.post('/uploads/kyc-documents', (req, reply) => receivePrivateFile(req, reply, deps, kycDocument));
  scope.get('/files/kyc/:checkId/documents/:documentId', (req, reply) => getDocument(req, reply, deps));
}

async function getDocument(req: FastifyRequest, reply: FastifyReply, deps: UploadRouteDeps) {
  const actor = await deps.authenticate(req);
  if (!actor) return fail(reply, 'UNAUTHORIZED', 'Sign in to see this file.');
  const parsed = params.safeParse(req.params);
  const em = deps.db.orm.em.fork();
  const check = parsed.success ? await kycRepository.find(em, parsed.data.checkId) : null;
  // A reviewer sees identity documents only with users.view_pii on the seller: admins, or the agent
  // holding the check (the same rule that masks the check's details in kyc.get).
  const holder = check ? (await queueItemRepository.findBySubject(em, 'kyc', check.id))?.claimedBy : null;
  const reviewer = !!check && isStaff(actor) && hasGrant(actor, 'kyc.review') && mayViewPiiOf(actor, check.sellerId, holder ? [holder] : []);
  // Anyone else's documents answer like missing ones.
  if (!check || (check.sellerId !== actor.id && !reviewer)) return fail(reply, 'NOT_FOUND', 'No such document.');
  const doc = await kycRepository.document(em, check.id, parsed.data!.documentId);
  if (!doc) return fail(reply, 'NOT_FOUND', 'No such document.');
  req.log.info({ checkId: check.id, documentId: doc.id, viewer: actor.id }, 'kyc document viewed');
  // Staff opening someone's identity document is a reveal of personal data: audited.
  if (check.sellerId !== actor.id) {
    await runWithAuditContext({ actor: { id: actor.id, roles: actor.roles }, requestId: String(req.id), ip: req.ip, userAgent: req.headers['user-agent']?.slice(0, 400) ?? null }, () =>
      writeAudit(em, { action: 'pii.revealed', objectType: 'kyc_document', objectId: doc.id, after: { subjectId: check.sellerId, checkId: check.id, field: doc.kind } }),
    );
  }
  return sendPrivateFile(reply, deps, doc.storageKey, `kyc-${doc.kind}`, 'No such document.');
}
