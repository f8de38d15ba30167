// The repositories of discovery, pricing and people converted to `db(em)` (src/repositories/db.ts),
// on both drivers: the statements the API tests do not reach on their own (an upsert's second
// write, a sweep) and the values that come back through the entities' types.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { EntityManager } from '@marketdesk/db';
import { db } from '../src/repositories/db.js';
import { auditRepository } from '../src/repositories/audit-repository.js';
import { discogsCacheRepository } from '../src/repositories/discogs-cache-repository.js';
import { recommendationRepository } from '../src/repositories/recommendation-repository.js';
import { databaseModes, useDatabase } from './database-modes.js';

const at = new Date('2026-03-04T05:06:07.089Z');

async function insertUser(em: EntityManager) {
  const id = randomUUID();
  await db(em)
    .insertInto('User')
    .values({ id, email: `${id}@kysely.test`, passwordHash: 'x', displayName: 'Batch C', roles: ['buyer', 'seller'], recoveryCodeHashes: [], version: 1, createdAt: at, updatedAt: at })
    .execute();
  return id;
}

/** Live listings in a new category, one seller; `quantity` 0 makes one unbuyable. */
async function insertListings(em: EntityManager, titles: string[], quantity = 1) {
  const sellerId = await insertUser(em);
  const category = randomUUID();
  await db(em).insertInto('Category').values({ id: category, slug: `c-${category}`, name: 'Batch C records', parent: null, position: 0 }).execute();
  const ids = titles.map(() => randomUUID());
  await db(em)
    .insertInto('Listing')
    .values(
      titles.map((title, i) => ({
        id: ids[i]!,
        seller: sellerId,
        category,
        slug: `l-${ids[i]}`,
        title,
        description: '',
        attributes: { artist: 'Batch C', format: 'LP' },
        condition: 'VG+',
        priceMinor: 1000 + i,
        currency: 'EUR',
        quantity,
        shippingMinor: 0,
        deliverySlaDays: 3,
        state: 'active',
        version: 1,
        dealEndsAt: null,
        publishedAt: at,
        createdAt: at,
        updatedAt: at,
      })),
    )
    .execute();
  return ids;
}

describe.each(databaseModes)('batch C repositories on $name', (mode) => {
  const opened = useDatabase(mode);

  it('appends to the audit log and pages it newest first', async () => {
    const em = opened().orm.em.fork();
    const objectId = randomUUID();
    const row = { actorId: null, actorRoles: ['admin', 'say "hi"'], action: 'test.audited', objectType: 'test', objectId, outcome: 'ok', before: null, after: { n: 2 }, requestId: null, ip: null, userAgent: null };
    await auditRepository.insert(em, { ...row, at });
    await auditRepository.insert(em, { ...row, at });
    const [newest, older] = await auditRepository.search(em, { objectId }, 10);
    expect(newest).toMatchObject({ at, actorRoles: ['admin', 'say "hi"'], action: 'test.audited', before: null, after: { n: 2 } });
    expect(BigInt(newest!.id)).toBeGreaterThan(BigInt(older!.id));
    expect(await auditRepository.search(em, { objectId, before: { at: newest!.at, id: newest!.id } }, 10)).toEqual([older]);
    expect(await auditRepository.search(em, { objectId, action: 'test.*' }, 10)).toHaveLength(2);
    expect(await auditRepository.search(em, { objectId, action: 'test%*' }, 10)).toHaveLength(0);
  });

  it('caches Discogs answers: overwritten by key, expired ones unseen and swept', async () => {
    const em = opened().orm.em.fork();
    const key = `test:${randomUUID()}`;
    await discogsCacheRepository.put(em, key, { v: 1 }, at, 60_000);
    await discogsCacheRepository.put(em, key, { v: 2, quote: "it's" }, at, 60_000);
    expect(await discogsCacheRepository.get(em, key, at)).toEqual({ v: 2, quote: "it's" });
    const later = new Date(at.getTime() + 60_000);
    expect(await discogsCacheRepository.get(em, key, later)).toBeUndefined();
    expect(await discogsCacheRepository.sweep(em, later)).toBeGreaterThanOrEqual(1);
    await discogsCacheRepository.put(em, key, { v: 3 }, later, 60_000);
    expect(await discogsCacheRepository.get(em, key, later)).toEqual({ v: 3 });
  });

  it('recommends buyable neighbours of what a buyer bought, never what they have', async () => {
    const em = opened().orm.em.fork();
    const buyerId = await insertUser(em);
    const [bought, neighbour, alsoBought] = await insertListings(em, ['Seed record', 'Neighbour record', 'Owned record']);
    const [soldOut] = await insertListings(em, ['Sold-out neighbour'], 0);
    await db(em).insertInto('BuyerPurchase').values([{ buyer: buyerId, listing: bought!, firstBoughtAt: at }, { buyer: buyerId, listing: alsoBought!, firstBoughtAt: new Date(at.getTime() - 1000) }]).execute();
    await db(em)
      .insertInto('ListingCoPurchase')
      .values([
        { listing: bought!, other: neighbour!, buyers: 3, updatedAt: at },
        { listing: bought!, other: alsoBought!, buyers: 5, updatedAt: at },
        { listing: bought!, other: soldOut!, buyers: 9, updatedAt: at },
      ])
      .execute();
    expect((await recommendationRepository.forBuyer(em, buyerId, 10)).map((c) => [c.id, c.title, c.priceMinor, c.seller.name, c.category.name])).toEqual([[neighbour, 'Neighbour record', 1001, 'Batch C', 'Batch C records']]);
    expect((await recommendationRepository.boughtTogether(em, bought!, 10)).map((c) => c.id)).toEqual([alsoBought, neighbour]);
    expect((await recommendationRepository.similar(em, bought!, 10)).map((c) => c.id).sort()).toEqual([neighbour, alsoBought].sort());
    expect(await recommendationRepository.trending(em, 5, [bought!])).toEqual(expect.any(Array));
    expect(await recommendationRepository.popular(em, 5)).toEqual(expect.any(Array));
    expect((await recommendationRepository.newArrivals(em, 500)).map((c) => c.id)).toContain(neighbour);
    expect(await recommendationRepository.lastViewed(em, buyerId)).toBeNull();
    expect(await recommendationRepository.recentlyViewed(em, buyerId, 5)).toEqual([]);
  });
});
