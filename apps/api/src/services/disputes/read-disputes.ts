// Reading disputes: a party's own (all, or those on one order), and one dispute as staff see it.
import { can, hasGrant, isStaff, type Actor } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { AppError } from '../../errors/app-error.js';
import { disputeRepository } from '../../repositories/dispute-repository.js';
import type { DisputeSettings } from './dispute-aggregate.js';
import { disputeForParty, disputeForStaff } from './dispute-views.js';

/** The viewer with the grant table the session carries. */
type Viewer = Actor;

export async function myDisputes(em: EntityManager, viewer: Viewer, limit: number, now: Date) {
  const list = await disputeRepository.forParty(em, viewer.id, limit);
  return Promise.all(list.map((d) => disputeForParty(em, d, viewer, now)));
}

export async function disputesOfOrder(em: EntityManager, viewer: Viewer, orderId: string, now: Date) {
  const list = (await disputeRepository.forOrder(em, orderId)).filter((d) => can(viewer, 'disputes.view', { kind: 'dispute', buyerId: d.buyerId, sellerId: d.sellerId }));
  return Promise.all(list.map((d) => disputeForParty(em, d, viewer, now)));
}

export async function getDisputeForStaff(em: EntityManager, viewer: Viewer, id: string, settings: DisputeSettings, now: Date) {
  if (!isStaff(viewer) || !hasGrant(viewer, 'disputes.view')) throw new AppError('FORBIDDEN', 'You cannot see disputes.');
  const d = await disputeRepository.find(em, id);
  if (!d) throw new AppError('NOT_FOUND', 'This dispute does not exist.');
  return disputeForStaff(em, d, viewer, settings, now);
}
