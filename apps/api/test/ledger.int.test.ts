// The ledger in PostgreSQL: flows from packages/domain applied under row locks, idempotent,
// never overdrawn under concurrency, postings append-only, books always balanced.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '@marketdesk/db';
import { paymentCaptured, payoutRequested, releaseEscrow, sellerAccount, type Transfer } from '@marketdesk/domain';
import { inject } from 'vitest';
import { AppError } from '../src/errors/app-error.js';
import { postTransfers } from '../src/services/ledger/post-transfers.js';
import { reconcileLedger } from '../src/services/ledger/reconcile-ledger.js';
import { ledgerRepository } from '../src/repositories/ledger-repository.js';

let db: Database;
beforeAll(async () => {
  db = await openDatabase({ databaseUrl: inject('databaseUrl'), poolMax: 12 });
});
afterAll(async () => {
  await db.close();
});

const post = (transfers: readonly Transfer[]) => db.orm.em.fork().transactional((tx) => postTransfers(tx, transfers, new Date()));
const available = async (sellerId: string) => {
  const a = await ledgerRepository.balanceOf(db.orm.em.fork(), sellerAccount(sellerId, 'available'));
  return a ? { posted: a.creditsPostedMinor - a.debitsPostedMinor, pendingIn: a.creditsPendingMinor, pendingOut: a.debitsPendingMinor } : null;
};

async function paidAndReleased(sellerId: string, grossMinor: number, feeMinor: number) {
  const captured = paymentCaptured({ orderId: randomUUID(), paymentId: randomUUID(), sellerId, currency: 'EUR', grossMinor, feeMinor });
  await post(captured.transfers);
  await post(releaseEscrow(captured.hold!).transfers);
  return captured;
}

describe('ledger persistence', () => {
  it('holds a captured payment in escrow, then releases the net to the seller', async () => {
    const sellerId = randomUUID();
    const captured = paymentCaptured({ orderId: randomUUID(), paymentId: randomUUID(), sellerId, currency: 'EUR', grossMinor: 10_000, feeMinor: 1_200 });
    await post(captured.transfers);
    expect(await available(sellerId)).toEqual({ posted: 0, pendingIn: 8_800, pendingOut: 0 });
    await post(releaseEscrow(captured.hold!).transfers);
    expect(await available(sellerId)).toEqual({ posted: 8_800, pendingIn: 0, pendingOut: 0 });
    expect((await reconcileLedger(db.orm.em.fork())).balanced).toBe(true);
  });

  it('replaying the same transfers changes nothing and appends no postings', async () => {
    const sellerId = randomUUID();
    const captured = await paidAndReleased(sellerId, 5_000, 500);
    const count = async () => (await db.orm.em.fork().getConnection().execute('select count(*)::int n from ledger_postings'))[0]!.n as number;
    const postingsBefore = await count();
    const result = await post([...captured.transfers, ...releaseEscrow(captured.hold!).transfers]);
    expect(result.applied).toEqual([]);
    expect(await count()).toBe(postingsBefore);
    expect(await available(sellerId)).toEqual({ posted: 4_500, pendingIn: 0, pendingOut: 0 });
  });

  it('refuses a reused id with different content as CONFLICT, and unknown accounts as BAD_REQUEST', async () => {
    const sellerId = randomUUID();
    await paidAndReleased(sellerId, 2_000, 0);
    const payoutId = randomUUID();
    await post(payoutRequested({ payoutId, sellerId, currency: 'EUR', amountMinor: 100 }));
    const again = post(payoutRequested({ payoutId, sellerId, currency: 'EUR', amountMinor: 200 }));
    await expect(again).rejects.toMatchObject({ code: 'CONFLICT', details: { refusal: 'DUPLICATE' } });
    const bogus: Transfer = { kind: 'posted', id: randomUUID(), code: 'adjustment', postings: [{ account: 'nobody:x' as never, side: 'debit', amountMinor: 1, currency: 'EUR' }, { account: 'platform:cash', side: 'credit', amountMinor: 1, currency: 'EUR' }] };
    await expect(post([bogus])).rejects.toBeInstanceOf(AppError);
  });

  it('never overdraws a seller under concurrent payout requests', async () => {
    const sellerId = randomUUID();
    await paidAndReleased(sellerId, 1_000, 0);
    const attempts = Array.from({ length: 10 }, () => post(payoutRequested({ payoutId: randomUUID(), sellerId, currency: 'EUR', amountMinor: 300 })));
    const outcomes = await Promise.allSettled(attempts);
    const won = outcomes.filter((o) => o.status === 'fulfilled').length;
    const refused = outcomes.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason);
    expect(won).toBe(3);
    for (const r of refused) expect(r).toMatchObject({ code: 'CONFLICT', details: { refusal: 'INSUFFICIENT_FUNDS' } });
    expect(await available(sellerId)).toEqual({ posted: 1_000, pendingIn: 0, pendingOut: 900 });
    expect((await reconcileLedger(db.orm.em.fork())).balanced).toBe(true);
  });

  it('keeps postings append-only at the database level', async () => {
    await expect(db.orm.em.fork().getConnection().execute('update ledger_postings set amount_minor = 1')).rejects.toThrow(/append-only/);
    await expect(db.orm.em.fork().getConnection().execute('delete from ledger_postings')).rejects.toThrow(/append-only/);
  });
});
