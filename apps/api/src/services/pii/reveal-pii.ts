// "Reveal": staff entitled to a person's data (users.view_pii on them) ask for one clear value; the
// answer is written to the audit log (pii.revealed: who, whose, which field, when, from where) in
// the same transaction that reads it. Anyone else is refused as if the record did not exist.
import { can, type Actor } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { AppError } from '../../errors/app-error.js';
import { kycRepository } from '../../repositories/kyc-repository.js';
import { orderRepository } from '../../repositories/order-repository.js';
import { queueItemRepository } from '../../repositories/queue-item-repository.js';
import { roleRepository } from '../../repositories/role-repository.js';
import { writeAudit } from '../audit/write-audit.js';
import { kycView } from '../kyc/kyc-view.js';

export type RevealTarget = { kind: 'order_address'; id: string } | { kind: 'user_email'; id: string } | { kind: 'kyc'; id: string };

const notFound = () => new AppError('NOT_FOUND', 'There is nothing to reveal here, or you may not see it.');

export async function revealPii(em: EntityManager, actor: Actor, target: RevealTarget, now: Date): Promise<{ value: unknown }> {
  return em.transactional(async (tx) => {
    const { subjectId, assigned, value } = await load(tx, target);
    if (!can(actor, 'users.view_pii', { kind: 'user', userId: subjectId, assignedAgentIds: assigned })) throw notFound();
    await writeAudit(tx, { action: 'pii.revealed', objectType: target.kind, objectId: target.id, after: { subjectId, field: target.kind } }, now);
    return { value };
  });
}

async function load(tx: EntityManager, target: RevealTarget): Promise<{ subjectId: string; assigned: string[]; value: unknown }> {
  if (target.kind === 'order_address') {
    const o = await orderRepository.findById(tx, target.id);
    if (!o || !o.address) throw notFound();
    return { subjectId: o.buyerId, assigned: [], value: o.address };
  }
  if (target.kind === 'user_email') {
    const u = await roleRepository.findUser(tx, target.id);
    if (!u) throw notFound();
    return { subjectId: u.id, assigned: [], value: u.email };
  }
  const k = await kycRepository.find(tx, target.id);
  if (!k) throw notFound();
  const row = await queueItemRepository.findBySubject(tx, 'kyc', k.id);
  const view = kycView(k, await kycRepository.documents(tx, k.id));
  return { subjectId: k.sellerId, assigned: row?.claimedBy ? [row.claimedBy] : [], value: { legalName: view.legalName, registrationNumber: view.registrationNumber, taxId: view.taxId, address: view.address, dateOfBirth: view.dateOfBirth, documents: view.documents } };
}
