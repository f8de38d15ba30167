// A seller's balances and statement, read from the PostgreSQL ledger through tRPC.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { paymentCaptured, payoutRequested, releaseEscrow, type Transfer } from '@marketdesk/domain';
import { postTransfers } from '../src/services/ledger/post-transfers.js';
import { client, registerUser, startApi, type RunningApi } from './harness.js';

let api: RunningApi;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.close();
});

const post = (transfers: readonly Transfer[]) => api.app.db.orm.em.fork().transactional((tx) => postTransfers(tx, transfers, new Date()));

it('shows pending, then available, then reserved money, and every posting in the statement', async () => {
  const seller = await registerUser(api, { roles: ['seller', 'buyer'] });
  const balances = async () => (await client(api).ledger.myBalances.query(undefined, { cookie: seller.cookie })).data;
  expect(await balances()).toEqual([]);

  const captured = paymentCaptured({ orderId: randomUUID(), paymentId: randomUUID(), sellerId: seller.id, currency: 'EUR', grossMinor: 10_000, feeMinor: 1_000 });
  await post(captured.transfers);
  expect(await balances()).toEqual([{ currency: 'EUR', pendingMinor: 9_000, availableMinor: 0, reservedMinor: 0, inTransitMinor: 0 }]);

  await post(releaseEscrow(captured.hold!).transfers);
  await post(payoutRequested({ payoutId: randomUUID(), sellerId: seller.id, currency: 'EUR', amountMinor: 4_000 }));
  expect(await balances()).toEqual([{ currency: 'EUR', pendingMinor: 0, availableMinor: 5_000, reservedMinor: 4_000, inTransitMinor: 0 }]);

  const statement = await client(api).ledger.myStatement.query({ limit: 10 }, { cookie: seller.cookie });
  expect(statement.data?.map((p) => p.reason)).toEqual(['payout_requested', 'payout_requested', 'escrow_release', 'escrow_hold']);
});

it('is for sellers only', async () => {
  const buyer = await registerUser(api);
  expect((await client(api).ledger.myBalances.query(undefined, { cookie: buyer.cookie })).error?.data.code).toBe('FORBIDDEN');
});
