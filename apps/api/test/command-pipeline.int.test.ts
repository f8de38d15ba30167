// Every state change of every aggregate takes one path (src/services/machines/pipeline.ts). A move
// computed on a version someone else has already replaced must change nothing and publish nothing:
// no row write, no ledger posting, no outbox event, no job (timers and provider effects included),
// and the caller hears CONFLICT with the current state. Checked here for each aggregate kind, with
// the winner's write landing between the loser's read and its write — the race a row lock cannot
// see (a caller that read without the lock, or a retry working from an old copy).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, type MachineActor } from '@marketdesk/domain';
import { AppError } from '../src/errors/app-error.js';
import { job, type CheckedJob } from '../src/jobs/job-types.js';
import { kycRepository } from '../src/repositories/kyc-repository.js';
import { disputeAggregate } from '../src/services/disputes/dispute-aggregate.js';
import { disputeSettingsFrom } from '../src/services/disputes/dispute-settings.js';
import { createDispute } from '../src/services/disputes/open-dispute.js';
import { kycAggregate } from '../src/services/kyc/kyc-aggregate.js';
import { listingAggregate } from '../src/services/listings/listing-aggregate.js';
import { runCommand, type Aggregate, type MachineCommand, type Versioned } from '../src/services/machines/pipeline.js';
import { orderAggregate } from '../src/services/orders/order-aggregate.js';
import { payoutAggregate } from '../src/services/payouts/payout-aggregate.js';
import { submissionAggregate } from '../src/services/submissions/submission-aggregate.js';
import { submissionSettingsFrom } from '../src/services/submissions/submission-settings.js';
import { client, approveKycDirectly, registerUser } from './harness.js';
import { createCategory, createLiveListing, type Person } from './catalog-fixtures.js';
import { buyWithTestCard, startApiWithPayments } from './payments-harness.js';

let env: Awaited<ReturnType<typeof startApiWithPayments>>;
let seller: Person;
let buyer: Person;
let admin: Person;
let categoryId: string;

const em = () => env.api.app.db.orm.em.fork();
const as = (p: Person, roles: MachineActor['roles']): MachineActor => ({ id: p.id, roles });

beforeAll(async () => {
  env = await startApiWithPayments();
  [seller, buyer, admin] = await Promise.all([registerUser(env.api, { roles: ['seller', 'buyer'] }), registerUser(env.api), registerUser(env.api, { roles: ['admin'] })]);
  await approveKycDirectly(env.api, seller.id);
  categoryId = (await createCategory(env.api)).id;
});
afterAll(async () => env?.close());

/** Everything a move could leave behind, anywhere: rows written, postings, outbox events (with their jobs). */
async function footprint() {
  const [row] = await em().getConnection().execute<{ events: number; postings: number; queue: number }[]>(
    `select (select count(*)::int from outbox_events) as events, (select count(*)::int from ledger_postings) as postings, (select coalesce(sum(version), 0)::int from queue_items) as queue`,
  );
  return row!;
}

/**
 * Reads the row, lets another writer move it on (its version bumps), then runs `command` on the copy
 * it read: the move must be refused as stale, and the database must look exactly as the winner left it.
 */
async function loseRace<R extends Versioned, S extends string, Ctx, C extends object, O>(
  kind: Aggregate<R, S, Ctx, C, O>,
  id: string,
  command: MachineCommand,
  actor: MachineActor,
  options: O,
  jobs: CheckedJob[] = [],
) {
  const stale = (await kind.find(em(), id))!;
  // Sanity: on the current version the same move is possible (so the refusal below is the race's).
  await expect(em().transactional(async (tx) => {
    await runCommand(tx, kind, stale, command, actor, new Date(), { options, jobs });
    throw new Error('roll back the probe');
  })).rejects.toThrow('roll back the probe');

  await em().transactional((tx) => kind.write(tx, id, stale.version, {} as C, new Date()));
  const winner = (await kind.find(em(), id))!;
  const before = await footprint();

  const lost = await em()
    .transactional((tx) => runCommand(tx, kind, stale, command, actor, new Date(), { options, jobs }))
    .then(() => null, (err: unknown) => err);
  expect(lost).toBeInstanceOf(AppError);
  expect(lost).toMatchObject({ code: 'CONFLICT', details: { reason: 'STALE_VERSION', state: winner.state, currentVersion: winner.version } });
  expect((lost as AppError).message).toMatch(new RegExp(`^This ${kind.noun} changed since you opened it`));
  expect(await footprint()).toEqual(before);
  expect(await kind.find(em(), id)).toEqual(winner);
}

describe('a lost version race changes nothing and publishes nothing', () => {
  it('orders (a cancellation with its refund and its money)', async () => {
    const { order } = await buyWithTestCard(env.api, { buyer, seller, reviewer: admin }, { categoryId });
    const refund = job('payments.refund', { orderId: order.id, providerPaymentId: 'pi_race', currency: 'EUR', idempotencyKey: `race-${order.id}`, reason: 'requested_by_customer' });
    await loseRace(orderAggregate, order.id, { type: 'cancel', payload: { reason: 'changed my mind' } }, as(buyer, ['buyer']), { autoCompleteAfterMs: 86_400_000 }, [refund]);
  });

  it('listings (a pause, which also moves nothing in the queue)', async () => {
    const listing = await createLiveListing(env.api, seller, admin, { categoryId, title: `Race ${randomUUID()}`, priceMinor: 2500, quantity: 2 });
    await loseRace(listingAggregate, listing.id, { type: 'pause' }, as(seller, ['seller']), undefined);
  });

  it('submissions (the seller withdraws)', async () => {
    const created = await client(env.api).submissions.create.mutate({ items: [{ artist: 'Can', title: 'Tago Mago', format: 'lp', grade: 'VG+', askingMinor: 3000 }], note: 'race' }, { cookie: seller.cookie });
    const s = created.data!;
    await loseRace(submissionAggregate, s.id, { type: 'withdraw' }, as(seller, ['seller']), { itemCount: 1, reviewerId: null, settings: submissionSettingsFrom(env.api.app.services.config) });
  });

  it('KYC checks (a reviewer claims)', async () => {
    const other = await registerUser(env.api, { roles: ['seller'] });
    const id = randomUUID();
    await kycRepository.insert(em(), { id, sellerId: other.id, state: 'submitted', businessType: 'individual', legalName: 'Race Seller', country: 'DE', registrationNumber: null, taxId: null, addressLine1: 'Teststraße 2', city: 'Berlin', postalCode: '10115', dateOfBirth: '1980-01-01', now: new Date() });
    await loseRace(kycAggregate, id, { type: 'claim' }, as(admin, ['admin']), { reviewerId: admin.id });
  });

  it('disputes (Support starts the review)', async () => {
    const { order } = await buyWithTestCard(env.api, { buyer, seller, reviewer: admin }, { categoryId });
    const dispute = await em().transactional(async (tx) => createDispute(tx, (await orderAggregate.find(tx, order.id, { forUpdate: true }))!, { source: 'buyer', reason: 'not_as_described', description: 'Scratched', amountMinor: order.totalMinor, providerDisputeId: null, actorId: buyer.id }, new Date()));
    await loseRace(disputeAggregate, dispute!.id, { type: 'start_review' }, as(admin, ['admin']), disputeSettingsFrom(env.api.app.services.config));
  });

  it('payouts (an approval, which would move money and start the send job)', async () => {
    // Money to pay out: an order the buyer received and confirmed releases escrow to the seller.
    const { order } = await buyWithTestCard(env.api, { buyer, seller, reviewer: admin }, { categoryId, priceMinor: 5000 });
    const version = async () => (await orderAggregate.find(em(), order.id))!.version;
    await client(env.api).orders.ship.mutate({ id: order.id, version: await version(), carrier: 'dpd', trackingNumber: '01234567890123' }, { cookie: seller.cookie });
    await client(env.api).orders.markDelivered.mutate({ id: order.id, version: await version() }, { cookie: seller.cookie });
    await client(env.api).orders.confirmReceipt.mutate({ id: order.id, version: await version() }, { cookie: buyer.cookie });
    const requested = await client(env.api).payouts.request.mutate({ amountMinor: 1500 }, { cookie: seller.cookie });
    await loseRace(payoutAggregate, requested.data!.id, { type: 'approve' }, as(admin, ['admin']), undefined);
  });

  it('the system too (risk checks holding an order from an old copy)', async () => {
    const { order } = await buyWithTestCard(env.api, { buyer, seller, reviewer: admin }, { categoryId });
    await loseRace(orderAggregate, order.id, { type: 'hold_for_review', payload: { score: 80 } }, systemActor, { autoCompleteAfterMs: 86_400_000 });
  });
});
