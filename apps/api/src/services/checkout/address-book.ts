// The buyer's address book: list, add (the first becomes the default), remove, make default.
import type { ShippingAddress } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { AppError } from '../../errors/app-error.js';
import { addressRepository } from '../../repositories/address-repository.js';

const notFound = () => new AppError('NOT_FOUND', 'This address does not exist.');

export const addressBook = {
  list: (em: EntityManager, userId: string) => addressRepository.list(em, userId),
  add: (em: EntityManager, userId: string, address: ShippingAddress, makeDefault: boolean, now: Date) => em.transactional((tx) => addressRepository.add(tx, userId, address, now, makeDefault)),
  async remove(em: EntityManager, userId: string, id: string) {
    if (!(await addressRepository.remove(em, userId, id))) throw notFound();
    return { ok: true as const };
  },
  async makeDefault(em: EntityManager, userId: string, id: string) {
    if (!(await em.transactional((tx) => addressRepository.setDefault(tx, userId, id)))) throw notFound();
    return { ok: true as const };
  },
};
