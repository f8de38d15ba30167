// The address book through db(em): the first address is the default, making another the default
// moves it in one statement, an address that is not theirs changes nothing, and remove is theirs only.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { openDatabase, User, type Database } from '@marketdesk/db';
import { addressRepository } from '../src/repositories/address-repository.js';

let database: Database;
beforeAll(async () => {
  database = await openDatabase({ databaseUrl: inject('databaseUrl') });
});
afterAll(async () => {
  await database?.close();
});

const address = { name: 'Ada Buyer', line1: '1 Main St', city: 'Berlin', postalCode: '10115', country: 'DE' };

it('keeps one default per person: the first address, then the one made default; unknown or foreign ids change nothing', async () => {
  const em = database.orm.em.fork();
  const now = new Date('2026-03-04T05:06:07.089Z');
  const person = () => em.create(User, { email: `${randomUUID()}@addresses.test`, passwordHash: 'x', displayName: 'Address Book', roles: ['buyer'], recoveryCodeHashes: [], version: 1, createdAt: now, updatedAt: now });
  const [me, other] = [person(), person()];
  await em.flush();

  const first = await addressRepository.add(em, me.id, address, now);
  const second = await addressRepository.add(em, me.id, { ...address, line2: 'Flat 2', phone: '+49 30 1234' }, new Date(now.getTime() + 1000));
  const theirs = await addressRepository.add(em, other.id, address, now);
  expect([first.isDefault, second.isDefault, theirs.isDefault]).toEqual([true, false, true]);
  expect((await addressRepository.list(em, me.id)).map((a) => [a.id, a.isDefault])).toEqual([[first.id, true], [second.id, false]]);
  expect(await addressRepository.find(em, me.id, second.id)).toEqual({ ...address, line2: 'Flat 2', phone: '+49 30 1234', id: second.id, isDefault: false });
  expect(await addressRepository.find(em, me.id, first.id)).toEqual({ ...address, line2: undefined, phone: undefined, id: first.id, isDefault: true });
  expect(await addressRepository.find(em, other.id, first.id)).toBeNull();

  expect(await addressRepository.setDefault(em, me.id, second.id)).toBe(true);
  expect((await addressRepository.list(em, me.id)).map((a) => [a.id, a.isDefault])).toEqual([[second.id, true], [first.id, false]]);
  expect(await addressRepository.setDefault(em, me.id, randomUUID())).toBe(false);
  expect(await addressRepository.setDefault(em, me.id, theirs.id)).toBe(false);
  expect((await addressRepository.list(em, me.id)).find((a) => a.isDefault)?.id).toBe(second.id);
  expect((await addressRepository.list(em, other.id)).map((a) => a.isDefault)).toEqual([true]);

  const third = await addressRepository.add(em, me.id, address, now, true);
  expect((await addressRepository.list(em, me.id)).filter((a) => a.isDefault).map((a) => a.id)).toEqual([third.id]);

  expect(await addressRepository.remove(em, me.id, theirs.id)).toBe(false);
  expect(await addressRepository.remove(em, me.id, first.id)).toBe(true);
  expect(await addressRepository.remove(em, me.id, first.id)).toBe(false);
});
