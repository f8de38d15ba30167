// Seeds the demo data once: runs only while none of the demo cast exists, so restarts keep what people
// changed. (Not "an empty users table": migrations create system accounts such as the house shop.)
import { type BusinessCalendar, queueSlaTargetMs, slaDeadlines } from '@marketdesk/domain';
import type { EntityManager } from '../orm.js';
import { Category, KycCheck, Listing, QueueItem, User } from '../entities/index.js';
import { demoListings } from './demo-listings.js';
import { persistDiscoveryHistory } from './demo-discovery.js';
import { demoCategories, demoKyc, demoPassword, demoUsers, type DemoCategory } from './demo-data.js';

export interface SeedResult {
  seeded: boolean;
  users: { email: string; roles: string[] }[];
}

/** `supportCalendar`: the calendar the API's queue SLAs run on (support hours, the region's bank holidays). */
export async function seedDemo(
  em: EntityManager,
  hashPassword: (plain: string) => Promise<string>,
  supportCalendar: BusinessCalendar,
): Promise<SeedResult> {
  const users = demoUsers.map((u) => ({ email: u.email, roles: u.roles }));
  if ((await em.count(User, { email: { $in: users.map((u) => u.email) } })) > 0) return { seeded: false, users };
  const passwordHash = await hashPassword(demoPassword);
  await em.transactional(async (tx) => {
    // Demo addresses are not real mailboxes: they start confirmed, so no verification banner.
    const people = demoUsers.map((u) => Object.assign(new User({ ...u, passwordHash }), { emailVerifiedAt: new Date() }));
    tx.persist(people);
    const categories = persistCategories(tx, demoCategories, null);
    const listings = persistListings(tx, people, categories);
    persistDiscoveryHistory(tx, people, listings, Date.now());
    persistKyc(tx, people, supportCalendar);
  });
  return { seeded: true, users };
}

function persistCategories(em: EntityManager, list: DemoCategory[], parent: Category | null, bySlug = new Map<string, Category>()): Map<string, Category> {
  list.forEach((c, position) => {
    const category = em.create(Category, { slug: c.slug, name: c.name, position, parent });
    bySlug.set(c.slug, category);
    persistCategories(em, c.children ?? [], category, bySlug);
  });
  return bySlug;
}

/** Live listings, published a few hours apart so "new arrivals" has an order. */
function persistListings(em: EntityManager, people: User[], categories: Map<string, Category>): Listing[] {
  const now = Date.now();
  const listings: Listing[] = [];
  demoListings.forEach((d, i) => {
    const seller = people.find((p) => p.email === `seller${d.seller}@marketdesk.test`);
    const category = categories.get(d.category);
    if (!seller || !category) throw new Error(`demo listing ${d.title}: unknown seller or category`);
    const at = new Date(now - (demoListings.length - i) * 3 * 3600_000);
    const listing = new Listing();
    Object.assign(listing, {
      seller: em.getReference(User, seller.id),
      category: em.getReference(Category, category.id),
      slug: `${slugify(`${d.artist} ${d.title}`)}-${listing.id.slice(0, 6)}`,
      title: `${d.artist} – ${d.title}`,
      description: d.description,
      attributes: { artist: d.artist, format: d.format, year: String(d.year) },
      condition: d.condition,
      priceMinor: d.priceMinor,
      quantity: d.quantity,
      shippingMinor: d.shippingMinor,
      deliverySlaDays: d.deliverySlaDays,
      state: 'active',
      publishedAt: at,
      createdAt: at,
      updatedAt: at,
    });
    em.persist(listing);
    listings.push(listing);
  });
  return listings;
}

/** Identity checks; an open one also gets its row in the `kyc` queue, due as a real submission's would be. */
function persistKyc(em: EntityManager, people: User[], supportCalendar: BusinessCalendar): void {
  const now = new Date();
  const slaDueAt = new Date(slaDeadlines(now.getTime(), queueSlaTargetMs.kyc, supportCalendar).dueAtMs);
  for (const k of demoKyc) {
    const seller = people.find((p) => p.email === k.email);
    if (!seller) throw new Error(`demo KYC for ${k.email}: unknown seller`);
    const check = new KycCheck();
    Object.assign(check, { seller: em.getReference(User, seller.id), state: k.state, businessType: k.businessType, legalName: k.legalName, country: 'DE', registrationNumber: k.registrationNumber ?? null, dateOfBirth: k.dateOfBirth ?? null, addressLine1: k.addressLine1, city: k.city, postalCode: k.postalCode, decidedAt: k.state === 'approved' ? now : null });
    em.persist(check);
    if (k.state !== 'submitted') continue;
    const row = new QueueItem();
    Object.assign(row, { queue: 'kyc', subjectId: check.id, state: 'submitted', title: `${k.legalName} (${k.businessType}, DE)`, sellerId: seller.id, valueMinor: 0, waitingOn: 'staff', slaDueAt, lastAction: 'created', lastActorId: seller.id, lastActionAt: now });
    em.persist(row);
  }
}

export function slugify(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 120);
}
