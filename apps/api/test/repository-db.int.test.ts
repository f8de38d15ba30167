// What the repositories rely on when they query through `db(em)` (src/repositories/db.ts), on both
// drivers: values reach PostgreSQL as bound parameters, never spliced into the statement's text; a
// query runs in the caller's transaction and is undone with it; values come back through the
// entities' types; a payout read for update holds its row (not its seller's) until commit; and the
// repositories converted to it answer the same on PGlite, the embedded default, as on PostgreSQL.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { EntityManager } from '@marketdesk/db';
import { db, sql } from '../src/repositories/db.js';
import { healthRepository } from '../src/repositories/health-repository.js';
import { kycRepository } from '../src/repositories/kyc-repository.js';
import { payoutRepository } from '../src/repositories/payout-repository.js';
import { reconciliationRepository } from '../src/repositories/reconciliation-repository.js';
import { submissionRepository } from '../src/repositories/submission-repository.js';
import { databaseModes, useDatabase } from './database-modes.js';

const at = new Date('2026-03-04T05:06:07.089Z');

async function insertUser(em: EntityManager, displayName = 'Typed SQL') {
  const id = randomUUID();
  await db(em)
    .insertInto('User')
    .values({ id, email: `${id}@kysely.test`, passwordHash: 'x', displayName, roles: ['buyer', 'seller'], recoveryCodeHashes: [], version: 1, createdAt: at, updatedAt: at })
    .execute();
  return id;
}

const userExists = async (em: EntityManager, id: string) => (await db(em).selectFrom('User').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;

describe.each(databaseModes)('db(em) on $name', (mode) => {
  const opened = useDatabase(mode);

  it('sends values as bound parameters, not in the statement text', async () => {
    const em = opened().orm.em.fork();
    const tricky = `O'Brien \\ says "?" and $1 -- not a comment`;
    const id = await insertUser(em, tricky);
    // current_query() is the statement as the server received it.
    const row = await db(em)
      .selectFrom('User')
      .select(['displayName', sql<string>`current_query()`.as('statement')])
      .where('id', '=', id)
      .where('displayName', '=', tricky)
      .executeTakeFirstOrThrow();
    expect(row.displayName).toBe(tricky);
    expect(row.statement).toMatch(/"id" = \$1 and "display_name" = \$2/);
    expect(row.statement).not.toContain(id);
    expect(row.statement).not.toContain("O'Brien");
  });

  it('runs in the caller transaction: sees its own writes, and a rollback undoes them', async () => {
    const em = opened().orm.em.fork();
    const kept = await em.transactional(async (tx) => {
      const id = await insertUser(tx);
      expect(await userExists(tx, id)).toBe(true);
      const txid = sql<string>`txid_current()::text`;
      const [ours, theirs] = await Promise.all([db(tx).selectNoFrom(txid.as('id')).executeTakeFirstOrThrow(), db(tx).selectNoFrom(txid.as('id')).executeTakeFirstOrThrow()]);
      expect(ours.id).toBe(theirs.id);
      return id;
    });
    expect(await userExists(em, kept)).toBe(true);

    let undone = '';
    await expect(
      em.transactional(async (tx) => {
        undone = await insertUser(tx);
        expect(await userExists(tx, undone)).toBe(true);
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    expect(undone).not.toBe('');
    expect(await userExists(em, undone)).toBe(false);
  });

  it('reads values back through the entities’ types, by property name', async () => {
    const em = opened().orm.em.fork();
    const id = await insertUser(em);
    const user = await db(em).selectFrom('User').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(user.createdAt).toEqual(at);
    expect(user.roles).toEqual(['buyer', 'seller']);
    expect(user.emailVerifiedAt).toBeNull();

    const runId = randomUUID();
    const result = { checked: { payouts: 2 }, mismatches: [{ quote: "it's" }] };
    await db(em).insertInto('ReconciliationRun').values({ id: runId, ranAt: at, triggeredBy: null, mismatchCount: 1, result }).execute();
    expect(await db(em).selectFrom('ReconciliationRun').selectAll().where('id', '=', runId).executeTakeFirstOrThrow()).toEqual({
      id: runId,
      ranAt: at,
      triggeredBy: null,
      mismatchCount: 1,
      result,
    });

    // The limit db.ts documents: a column selected under another name skips the conversion.
    const aliased = await db(em).selectFrom('User').select('createdAt as created').where('id', '=', id).executeTakeFirstOrThrow();
    expect(typeof aliased.created).toBe('string');
    expect(new Date(aliased.created).getTime()).toBe(at.getTime());
  });

  it('locks a payout read for update until the transaction ends, and not its seller', async () => {
    const em = opened().orm.em.fork();
    const sellerId = await insertUser(em);
    const payoutId = randomUUID();
    await payoutRepository.insert(em, { id: payoutId, sellerId, requestedBy: sellerId, amountMinor: 1500, currency: 'EUR', now: at });

    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const order: string[] = [];
    const holder = opened().orm.em.fork().transactional(async (tx) => {
      const payout = await payoutRepository.find(tx, payoutId, { forUpdate: true });
      expect(payout).toMatchObject({ id: payoutId, sellerId, sellerName: 'Typed SQL', amountMinor: 1500, state: 'requested', version: 1, createdAt: at });
      locked();
      await released;
      expect(await payoutRepository.update(tx, payoutId, 1, { state: 'approved', decidedBy: sellerId }, at)).toBe(true);
      order.push('holder committed');
    });
    await isLocked;
    if (mode.name === 'PostgreSQL') {
      // Another connection cannot take the payout's row, but the seller's is free.
      const nowait = (table: 'Payout' | 'User', id: string) =>
        opened().orm.em.fork().transactional((tx) => db(tx).selectFrom(table).select('id').where('id', '=', id).forUpdate().noWait().execute());
      await expect(nowait('Payout', payoutId)).rejects.toThrow(/could not obtain lock/);
      await expect(nowait('User', sellerId)).resolves.toHaveLength(1);
    }
    // A second locker waits for the first to commit, then reads its write; the stale version no longer matches.
    const waiter = opened().orm.em.fork().transactional(async (tx) => {
      const payout = await payoutRepository.find(tx, payoutId, { forUpdate: true });
      order.push('waiter locked');
      return { payout, staleWrite: await payoutRepository.update(tx, payoutId, 1, { state: 'rejected' }, at) };
    });
    release();
    await holder;
    const { payout, staleWrite } = await waiter;
    expect(order).toEqual(['holder committed', 'waiter locked']);
    expect(payout).toMatchObject({ state: 'approved', version: 2, decidedBy: sellerId });
    expect(staleWrite).toBe(false);
  });

  it('answers the converted repositories’ reads and writes', async () => {
    const em = opened().orm.em.fork();
    await healthRepository.ping(em);
    const sellerId = await insertUser(em, 'Pilot seller');

    // Payouts: the paid sum, the connected account (saved once), what went to the provider.
    const payoutId = randomUUID();
    await payoutRepository.insert(em, { id: payoutId, sellerId, requestedBy: sellerId, amountMinor: 2500, currency: 'EUR', now: at });
    expect(await payoutRepository.update(em, payoutId, 1, { state: 'paid', providerPayoutId: `po_${payoutId}` }, at)).toBe(true);
    expect(await payoutRepository.paidOutMinor(em, sellerId)).toBe(2500);
    await payoutRepository.saveConnectedAccount(em, sellerId, `acct_${sellerId}`, at);
    await payoutRepository.saveConnectedAccount(em, sellerId, `acct_other_${sellerId}`, at);
    expect(await payoutRepository.connectedAccount(em, sellerId)).toBe(`acct_${sellerId}`);
    expect(await payoutRepository.sentToProviderSince(em, at)).toContainEqual({ id: payoutId, amountMinor: 2500, state: 'paid', providerPayoutId: `po_${payoutId}`, providerAccountId: `acct_${sellerId}` });
    expect(await payoutRepository.findByProviderPayout(em, `po_${payoutId}`)).toMatchObject({ id: payoutId, sellerId, sellerName: 'Pilot seller', version: 2 });
    expect((await payoutRepository.listByStates(em, ['paid'], 500)).map((p) => p.id)).toContain(payoutId);

    // KYC: one open check per seller (the second insert is refused by the partial unique index), its documents.
    const details = { businessType: 'company' as const, legalName: 'Pilot GmbH', country: 'DE', registrationNumber: 'HRB 1', taxId: null, addressLine1: 'Weg 1', city: 'Berlin', postalCode: '10115', dateOfBirth: null };
    const checkId = randomUUID();
    expect(await kycRepository.insert(em, { id: checkId, sellerId, state: 'submitted', ...details, now: at })).toBe(true);
    expect(await kycRepository.insert(em, { id: randomUUID(), sellerId, state: 'submitted', ...details, now: at })).toBe(false);
    const documentId = randomUUID();
    await kycRepository.addDocument(em, { id: documentId, checkId, kind: 'business_registration', uploadId: randomUUID(), storageKey: `kyc/${documentId}`, contentType: 'application/pdf', now: at });
    expect(await kycRepository.documents(em, checkId)).toEqual([{ id: documentId, checkId, kind: 'business_registration', storageKey: `kyc/${documentId}`, contentType: 'application/pdf', createdAt: at }]);
    expect(await kycRepository.latestForSeller(em, sellerId)).toMatchObject({ id: checkId, sellerId, sellerName: 'Pilot seller', ...details, infoDueAt: null, createdAt: at });
    expect(await kycRepository.isApproved(em, sellerId)).toBe(false);

    // Submissions: items with their uuid[] image ids and flags, in position order.
    const submissionId = randomUUID();
    const item = { position: 0, artist: 'Pilot', title: 'Typed', format: 'LP', grade: 'NM', askingMinor: 3000, referenceMinor: 3000, referenceSource: 'asking', indicativeOfferMinor: 1200, offerMinor: 1200, sellPriceMinor: 2900, declined: false };
    const imageIds = [randomUUID(), randomUUID()];
    await submissionRepository.insert(em, { id: submissionId, sellerId, currency: 'EUR', indicativeMinor: 1200, note: '', now: at }, [
      { ...item, id: randomUUID(), position: 1, declined: true, imageIds: [] },
      { ...item, id: randomUUID(), imageIds },
    ]);
    const items = await submissionRepository.items(em, submissionId);
    expect(items.map((i) => [i.position, i.declined, i.imageIds, i.submissionId, i.counterMinor])).toEqual([
      [0, false, imageIds, submissionId, null],
      [1, true, [], submissionId, null],
    ]);
    await submissionRepository.setItemCounter(em, items[0]!.id, 1500);
    expect((await submissionRepository.items(em, submissionId))[0]!.counterMinor).toBe(1500);
    expect(await submissionRepository.update(em, submissionId, 1, { state: 'quoted', quoteExpiresAt: at, quoteMinor: 1200 }, at)).toBe(true);
    expect(await submissionRepository.find(em, submissionId)).toMatchObject({ state: 'quoted', quoteExpiresAt: at, quoteMinor: 1200, version: 2, sellerName: 'Pilot seller' });
    expect(await submissionRepository.marketReferenceMinor(em, 'Nobody 50%_off', 'Nothing')).toBeNull();
    expect(await submissionRepository.ownFreeImages(em, sellerId, imageIds)).toEqual(new Set());

    // Reconciliation runs, newest first.
    const runId = randomUUID();
    await reconciliationRepository.insertRun(em, { id: runId, ranAt: new Date('2100-01-01T00:00:00Z'), triggeredBy: sellerId, mismatchCount: 0, result: { checked: { payouts: 1 }, mismatches: [] } });
    expect((await reconciliationRepository.recentRuns(em, 1))[0]).toEqual({ id: runId, ranAt: new Date('2100-01-01T00:00:00Z'), triggeredBy: sellerId, mismatchCount: 0, result: { checked: { payouts: 1 }, mismatches: [] } });
  });
});
