// The demo's open work: a few items in every staff queue, so a newcomer opening the console sees each
// queue working. Made the way people make them — every step is a tRPC procedure called as the demo
// person who would click it (authorization, machines, queue rows, ledger transfers, outbox events
// and audit rows exactly as in use), in-process through a caller, right after the demo cast is
// seeded (db/src/seeds) on a fresh database:
//   Submissions     Vinyl Vault submits two lots for a quote
//   Listing review  Groove Records lists two records, waiting for a reviewer
//   KYC review      New Pressings' identity check (seeded with the cast)
//   Order review    Dana Admin flags Eve Ears; Eve's next order is held for review
//   Payout queue    Vinyl Vault sells a record, ships it, the buyer confirms, Vinyl Vault withdraws
//   Disputes        two shipped orders, disputed by their buyers
// Orders need the payment provider (the local Stripe server in `npm start` and the e2e stack);
// without one those three queues are left empty and the log says so.
import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '@marketdesk/domain';
import { userRepository } from '../repositories/user-repository.js';
import { appRouter } from '../routers/_app.js';
import type { AppServices } from '../services/container.js';
import type { Context } from '../trpc/context.js';
import type { SessionActor } from '../services/auth/session-service.js';
import { createCallerFactory } from '../trpc/procedures.js';

const createCaller = createCallerFactory(appRouter);
type Caller = ReturnType<typeof createCaller>;

const shipTo = {
  eve: { name: 'Eve Ears', line1: 'Kastanienallee 7', city: 'Berlin', postalCode: '10435', country: 'DE' },
  ben: { name: 'Ben Collector', line1: 'Sternstraße 14', city: 'Hamburg', postalCode: '20357', country: 'DE' },
  dev: { name: 'Dev Digger', line1: 'Rue Oberkampf 40', city: 'Paris', postalCode: '75011', country: 'FR' },
  cleo: { name: 'Cleo Crate', line1: 'Keizersgracht 120', city: 'Amsterdam', postalCode: '1015 CW', country: 'NL' },
} as const;
type ShipTo = (typeof shipTo)[keyof typeof shipTo];

interface DemoRecord {
  artist: string;
  title: string;
  category: string;
  priceMinor: number;
}

export interface DemoQueuesResult {
  made: string[];
  skipped: string[];
}

/** The demo people, each with a caller acting as them (as if they had signed in). */
async function demoCast(services: AppServices, log: FastifyBaseLogger) {
  const { table } = await services.rbac.current();
  const em = services.db.orm.em.fork();
  const as = async (email: string): Promise<{ id: string; caller: Caller }> => {
    const user = await userRepository.findByEmail(em, email);
    if (!user) throw new Error(`demo queues: ${email} is not seeded`);
    const actor: SessionActor = {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      roles: user.roles as Role[],
      sessionId: 'demo-seed',
      emailVerified: true,
      twoFactorEnabled: user.totpEnabledAt !== null,
      avatarKey: user.avatarKey,
      grants: table,
    };
    // Each call gets its own unit of work, as each HTTP request does; nothing reads req/res here
    // beyond the logger and a response header on refusals.
    const context = (): Context => ({
      req: { log, headers: {} } as unknown as FastifyRequest,
      res: { header: () => undefined } as unknown as FastifyReply,
      em: services.db.orm.em.fork(),
      services,
      actor,
      requestId: 'demo-seed',
      ip: '127.0.0.1',
      userAgent: 'Marketdesk demo seed',
    });
    return { id: user.id, caller: createCaller(context) };
  };
  // One after another: they share one unit of work.
  return {
    dana: await as('admin@marketdesk.test'),
    groove: await as('seller1@marketdesk.test'),
    vault: await as('seller2@marketdesk.test'),
    spin: await as('seller3@marketdesk.test'),
    ben: await as('buyer2@marketdesk.test'),
    cleo: await as('buyer3@marketdesk.test'),
    dev: await as('buyer4@marketdesk.test'),
    eve: await as('buyer5@marketdesk.test'),
  };
}

type Cast = Awaited<ReturnType<typeof demoCast>>;
type Person = Cast[keyof Cast];

let keyCounter = 0;
const key = (what: string) => `demo-${what}-${(keyCounter += 1)}`;

/** A seller's new listing, sent for review (it waits in the listing review queue). */
async function listForReview(seller: Person, record: DemoRecord, categories: Map<string, string>) {
  const categoryId = categories.get(record.category);
  if (!categoryId) throw new Error(`demo queues: no category ${record.category}`);
  return seller.caller.listings.create({
    categoryId,
    title: `${record.artist} – ${record.title}`,
    description: `${record.artist} — ${record.title}. Original pressing, cleaned and play-tested; sleeve with light shelf wear.`,
    attributes: { artist: record.artist, format: 'LP' },
    condition: 'VG+',
    priceMinor: record.priceMinor,
    quantity: 1,
    shippingMinor: 495,
    deliverySlaDays: 2,
  });
}

/** A listing the reviewer approved, bought and paid by `buyer` with the test card: the order. */
async function sell(cast: Cast, seller: Person, buyer: Person, address: ShipTo, record: DemoRecord, categories: Map<string, string>) {
  const listing = await listForReview(seller, record, categories);
  const { queueItem } = await cast.dana.caller.listings.forReview({ id: listing.id });
  if (!queueItem) throw new Error(`demo queues: listing ${listing.id} is not in the review queue`);
  await cast.dana.caller.queues.decide({ id: queueItem.id, version: queueItem.version, decision: 'accept' });
  const started = await buyer.caller.checkout.start({ idempotencyKey: key('checkout'), address, lines: [{ listingId: listing.id, quantity: 1, priceMinor: record.priceMinor }] });
  await buyer.caller.checkout.payWithTestCard({ checkoutId: started.checkoutId, card: 'visa', idempotencyKey: key('pay') });
  return started.orders[0]!.id;
}

async function ship(seller: Person, orderId: string, trackingNumber: string) {
  const order = await seller.caller.orders.get({ id: orderId });
  await seller.caller.orders.ship({ id: orderId, version: order.version, carrier: 'dhl', trackingNumber });
}

async function submissions(cast: Cast) {
  await cast.vault.caller.submissions.create({
    items: [
      { artist: 'Talking Heads', title: 'Remain in Light', format: 'lp', grade: 'NM', askingMinor: 3200 },
      { artist: 'Joy Division', title: 'Unknown Pleasures', format: 'lp', grade: 'VG+', askingMinor: 4500 },
    ],
    note: 'Both from one collection, stored upright.',
  });
  await cast.vault.caller.submissions.create({ items: [{ artist: 'Sade', title: 'Diamond Life', format: 'lp', grade: 'VG', askingMinor: 1800 }] });
}

async function listingReview(cast: Cast, categories: Map<string, string>) {
  await listForReview(cast.groove, { artist: 'Nick Drake', title: 'Pink Moon', category: 'vinyl-rock', priceMinor: 5800 }, categories);
  await listForReview(cast.groove, { artist: 'Can', title: 'Tago Mago', category: 'vinyl-rock', priceMinor: 4400 }, categories);
}

async function orderReview(cast: Cast, categories: Map<string, string>) {
  await cast.dana.caller.risk.flag({ userId: cast.eve.id, note: 'Two chargebacks at a partner shop last month: look at her orders before they ship.' });
  await sell(cast, cast.spin, cast.eve, shipTo.eve, { artist: 'Bill Evans Trio', title: 'Waltz for Debby', category: 'vinyl-jazz', priceMinor: 6900 }, categories);
}

async function payouts(cast: Cast, categories: Map<string, string>) {
  const orderId = await sell(cast, cast.vault, cast.ben, shipTo.ben, { artist: 'Underworld', title: 'Dubnobasswithmyheadman', category: 'vinyl-electronic', priceMinor: 6400 }, categories);
  await ship(cast.vault, orderId, '00340434161094042557');
  await cast.vault.caller.orders.markDelivered({ id: orderId, version: (await cast.vault.caller.orders.get({ id: orderId })).version });
  await cast.ben.caller.orders.confirmReceipt({ id: orderId, version: (await cast.ben.caller.orders.get({ id: orderId })).version });
  await cast.vault.caller.payouts.request({ amountMinor: 5000 });
}

async function disputes(cast: Cast, categories: Map<string, string>) {
  const warped = await sell(cast, cast.groove, cast.dev, shipTo.dev, { artist: 'Talk Talk', title: 'Spirit of Eden', category: 'vinyl-rock', priceMinor: 5600 }, categories);
  await ship(cast.groove, warped, '00340434161094042558');
  await cast.dev.caller.disputes.open({ orderId: warped, version: (await cast.dev.caller.orders.get({ id: warped })).version, reason: 'damaged', description: 'The record arrived warped: side B skips on every track.' });
  const missing = await sell(cast, cast.spin, cast.cleo, shipTo.cleo, { artist: 'Boards of Canada', title: 'Music Has the Right to Children', category: 'vinyl-electronic', priceMinor: 7200 }, categories);
  await ship(cast.spin, missing, '00340434161094042559');
  await cast.cleo.caller.disputes.open({ orderId: missing, version: (await cast.cleo.caller.orders.get({ id: missing })).version, reason: 'not_received', description: 'Tracking has not moved for days and nothing has arrived.' });
}

/** Fills the queues; each queue's steps stand alone, so one failing leaves the others filled. */
export async function seedDemoQueues(services: AppServices, log: FastifyBaseLogger): Promise<DemoQueuesResult> {
  const cast = await demoCast(services, log);
  const tree = await cast.dana.caller.catalog.categories();
  const categories = new Map(tree.flatMap((c) => [c, ...c.children]).map((c) => [c.slug, c.id]));
  const result: DemoQueuesResult = { made: [], skipped: [] };
  const steps: [string, boolean, () => Promise<unknown>][] = [
    ['submissions', true, () => submissions(cast)],
    ['listing review', true, () => listingReview(cast, categories)],
    ['order review', Boolean(services.gateway), () => orderReview(cast, categories)],
    ['payouts', Boolean(services.gateway), () => payouts(cast, categories)],
    ['disputes', Boolean(services.gateway), () => disputes(cast, categories)],
  ];
  for (const [queue, possible, run] of steps) {
    if (!possible) {
      result.skipped.push(`${queue} (no payment provider configured)`);
      continue;
    }
    try {
      await run();
      result.made.push(queue);
    } catch (err) {
      log.warn({ err, queue }, 'demo queue items were not all made');
      result.skipped.push(`${queue} (${err instanceof Error ? err.message : String(err)})`);
    }
  }
  return result;
}
