// The seller's side of verification: submit business details and documents (a new check, into the
// `kyc` queue), and answer a reviewer's question (the check returns to the queue). Documents must
// be the seller's own unattached KYC uploads; each is attached to exactly one check.
import { randomUUID } from 'node:crypto';
import { kycMachine, type MachineActor } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { AppError } from '../../errors/app-error.js';
import { fileUploadRepository } from '../../repositories/file-upload-repository.js';
import { userRepository } from '../../repositories/user-repository.js';
import { kycRepository, type KycDocumentKind, type KycRecord } from '../../repositories/kyc-repository.js';
import type { ProvideKycInfoInput, SubmitKycInput } from './kyc-input.js';
import { lockForCommand, runCommand } from '../machines/pipeline.js';
import { kycAggregate } from './kyc-aggregate.js';
import { enterKycQueue } from './kyc-queue.js';
import { kycView } from './kyc-view.js';

async function attachDocuments(tx: EntityManager, sellerId: string, checkId: string, documents: { kind: KycDocumentKind; uploadId: string }[], now: Date) {
  for (const d of documents) {
    const file = await fileUploadRepository.attach(tx, d.uploadId, sellerId, 'kyc_document', checkId);
    if (!file) throw new AppError('BAD_REQUEST', 'That document was not found among your uploads (or is already attached to another verification).', { field: 'documents', uploadId: d.uploadId });
    await kycRepository.addDocument(tx, { id: randomUUID(), checkId, kind: d.kind, uploadId: d.uploadId, storageKey: file.storageKey, contentType: file.contentType, now });
  }
}

export async function submitKyc(em: EntityManager, seller: MachineActor, input: SubmitKycInput, now: Date) {
  return em.transactional(async (tx) => {
    // One submission at a time per seller (one open check, enforced by a partial unique index too).
    await userRepository.lockForUpdate(tx, seller.id);
    const latest = await kycRepository.latestForSeller(tx, seller.id);
    if (latest?.state === 'approved') throw new AppError('CONFLICT', 'Your identity is already verified.', { reason: 'ALREADY_VERIFIED' });
    if (latest && latest.state !== 'rejected') throw new AppError('CONFLICT', 'Your verification is already being reviewed; answer any question from there instead.', { reason: 'ALREADY_OPEN', kycId: latest.id });
    const id = randomUUID();
    const details = {
      businessType: input.businessType,
      legalName: input.legalName,
      country: input.country,
      registrationNumber: input.registrationNumber || null,
      taxId: input.taxId || null,
      addressLine1: input.addressLine1,
      city: input.city,
      postalCode: input.postalCode,
      dateOfBirth: input.dateOfBirth ?? null,
    };
    // A new check starts where the machine starts, and its first move (not started → submitted) takes
    // the one path every move takes; a refusal rolls the insert back.
    await kycRepository.insert(tx, { id, sellerId: seller.id, state: kycMachine.initial, ...details, now });
    await attachDocuments(tx, seller.id, id, input.documents, now);
    const check = (await runCommand(tx, kycAggregate, (await kycRepository.find(tx, id))!, { type: 'submit' }, seller, now, { options: { reviewerId: null } })).record;
    await enterKycQueue(tx, check, seller.id, now);
    return kycView(check, await kycRepository.documents(tx, id));
  });
}

/** The seller answers "we need more information" (with more documents if asked); back to review. */
export async function provideKycInfo(em: EntityManager, seller: MachineActor, input: ProvideKycInfoInput, now: Date) {
  return em.transactional(async (tx) => {
    const found = await lockForCommand(tx, kycAggregate, input.kycId, { expectedVersion: input.version, visible: (k) => k.sellerId === seller.id });
    if (found.state !== 'needs_info') throw new AppError('CONFLICT', 'Nobody is waiting for information on this verification.', { reason: 'NOT_WAITING', state: found.state });
    await attachDocuments(tx, seller.id, found.id, input.documents, now);
    const check: KycRecord = (await runCommand(tx, kycAggregate, found, { type: 'resubmit' }, seller, now, { options: { reviewerId: null }, changes: { infoResponse: input.response, infoDueAt: null } })).record;
    await enterKycQueue(tx, check, seller.id, now);
    return kycView(check, await kycRepository.documents(tx, check.id));
  });
}
