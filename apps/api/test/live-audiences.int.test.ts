// Who receives what on the live channel (issue 15, items 4 and 7). The room matrix: for every kind
// of room, which fields of a representative event reach an anonymous visitor, a buyer, a seller and
// staff — public listing rooms carry no person ids at all, members' rooms the whole event. Then
// presence on console pages (console users only), and the per-socket limits: the room cap, the event
// budget, disconnecting a socket that keeps on, and reading roles once per grants version.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Socket } from 'socket.io-client';
import { roleRepository } from '../src/repositories/role-repository.js';
import { address, createCategory, createLiveListing, key, type Person } from './catalog-fixtures.js';
import { client, openSocket, registerUser, startApi, until, waitFor, type RunningApi } from './harness.js';
import { startApiWithPayments } from './payments-harness.js';

type Envelope = { name: string; stream: string; payload: Record<string, unknown> } & Record<string, unknown>;
type PresenceState = { page: string; users: { id: string; displayName: string }[] };
type Ack = { ok: boolean; error?: string; message?: string };

let payments: Awaited<ReturnType<typeof startApiWithPayments>>;
let api: RunningApi;
let buyer: Person;
let seller: Person;
let agent: Person;
let admin: Person;
let categoryId: string;
const opened: Socket[] = [];

beforeAll(async () => {
  payments = await startApiWithPayments();
  api = payments.api;
  [buyer, seller, agent, admin] = await Promise.all([
    registerUser(api, { displayName: 'Bea Buyer' }),
    registerUser(api, { roles: ['seller', 'buyer'], displayName: 'Sam Seller' }),
    registerUser(api, { roles: ['agent'], displayName: 'Alex Agent' }),
    registerUser(api, { roles: ['admin'], displayName: 'Dana Admin' }),
  ]);
  categoryId = (await createCategory(api)).id;
});
afterAll(async () => {
  for (const s of opened) s.close();
  await payments?.close();
});

async function connect(target: RunningApi, who: Person | null): Promise<Socket> {
  const socket = openSocket(target, who?.cookie ?? '');
  opened.push(socket);
  await waitFor(socket, 'connect');
  return socket;
}
const ask = (socket: Socket, event: 'subscribe' | 'unsubscribe' | 'presence:enter', arg: string) => socket.timeout(5000).emitWithAck(event, arg) as Promise<Ack>;

interface Watch {
  joined: boolean;
  events: Envelope[];
  presence: PresenceState[];
}

/** A socket of its own for one person in one room (presence rooms through presence:enter), recording what arrives. */
async function watch(who: Person | null, room: string): Promise<Watch> {
  const socket = await connect(api, who);
  const w: Watch = { joined: false, events: [], presence: [] };
  socket.on('event', (e: Envelope) => w.events.push(e));
  socket.on('presence', (p: PresenceState) => w.presence.push(p));
  const ack = room.startsWith('presence:') ? await ask(socket, 'presence:enter', room.slice('presence:'.length)) : await ask(socket, 'subscribe', room);
  w.joined = ack.ok;
  return w;
}

/** The fields a receiver got: the envelope's, and the payload's as `payload.<field>`. */
function fieldsOf(event: Record<string, unknown>): string[] {
  const payload = (event.payload ?? {}) as Record<string, unknown>;
  return [...Object.keys(event).filter((k) => k !== 'payload'), ...Object.keys(payload).map((k) => `payload.${k}`)].sort();
}
function presenceFields(p: PresenceState): string[] {
  return ['page', ...new Set(p.users.flatMap((u) => Object.keys(u).map((k) => `users[].${k}`)))].sort();
}

type Audience = 'anonymous' | 'buyer' | 'seller' | 'staff';
const audiences: Audience[] = ['anonymous', 'buyer', 'seller', 'staff'];
type Seen = 'refused' | 'nothing' | string[];

describe('the room matrix', () => {
  it('gives each audience only its fields, for every kind of room; public listing rooms carry no person ids', async () => {
    const who: Record<Audience, Person | null> = { anonymous: null, buyer, seller, staff: agent };
    const listing = await createLiveListing(api, seller, admin, { categoryId, title: `Audience ${key()}`, priceMinor: 2500, quantity: 3 });
    const watchAll = async (room: string) => Object.fromEntries(await Promise.all(audiences.map(async (a) => [a, await watch(who[a], room)] as const))) as Record<Audience, Watch>;

    // Rooms that exist before the checkout.
    const rows: Record<string, { watches: Record<Audience, Watch>; seen: (w: Watch) => Record<string, unknown> | undefined }> = {};
    const eventNamed = (name: string, match: (e: Envelope) => boolean = () => true) => (w: Watch) => w.events.find((e) => e.name === name && match(e));
    const stock = eventNamed('listing.stock_changed', (e) => e.payload.listingId === listing.id);
    rows[`listing:{id}`] = { watches: await watchAll(`listing:${listing.id}`), seen: stock };
    rows[`seller:{id}`] = { watches: await watchAll(`seller:${seller.id}`), seen: stock };
    rows['queue:listings'] = { watches: await watchAll('queue:listings'), seen: stock };
    rows['user:{buyer}'] = { watches: await watchAll(`user:${buyer.id}`), seen: eventNamed('checkout.created') };
    rows['team:all'] = { watches: await watchAll('team:all'), seen: eventNamed('user.registered', (e) => e.payload.displayName === 'Newcomer') };
    rows['presence:{page}'] = { watches: await watchAll('presence:/review/kyc'), seen: (w) => w.presence.find((p) => p.users.length > 0) };
    // The seller's own socket in both its members' room and the public room: the whole event, once.
    const bothSocket = await connect(api, seller);
    const both: Envelope[] = [];
    bothSocket.on('event', (e: Envelope) => both.push(e));
    expect((await ask(bothSocket, 'subscribe', `seller:${seller.id}`)).ok).toBe(true);
    expect((await ask(bothSocket, 'subscribe', `listing:${listing.id}`)).ok).toBe(true);

    // A buyer checks out: stock moves on the listing, the checkout starts on the buyer's room.
    const started = await client(api).checkout.start.mutate({ idempotencyKey: key(), address, lines: [{ listingId: listing.id, quantity: 1, priceMinor: 2500 }] }, { cookie: buyer.cookie });
    expect(started.error).toBeUndefined();
    const orderId = started.data!.orders[0]!.id;
    rows['order:{id}'] = { watches: await watchAll(`order:${orderId}`), seen: eventNamed('order.paid') };
    const paid = await client(api).checkout.payWithTestCard.mutate({ checkoutId: started.data!.checkoutId, card: 'visa', idempotencyKey: key() }, { cookie: buyer.cookie });
    expect(paid.error).toBeUndefined();
    const thread = await client(api).chat.threadForOrder.mutate({ orderId }, { cookie: buyer.cookie });
    rows['thread:{id}'] = { watches: await watchAll(`thread:${thread.data!.id}`), seen: eventNamed('chat.message.created') };
    expect((await client(api).chat.send.mutate({ threadId: thread.data!.id, clientId: randomUUID(), body: 'Is the sleeve sound?' }, { cookie: buyer.cookie })).error).toBeUndefined();
    await registerUser(api, { displayName: 'Newcomer' });

    const observe = (): Record<string, Record<Audience, Seen>> =>
      Object.fromEntries(
        Object.entries(rows).map(([room, row]) => [
          room,
          Object.fromEntries(
            audiences.map((a) => {
              const w = row.watches[a];
              if (!w.joined) return [a, 'refused'];
              const got = row.seen(w);
              return [a, got ? (room.startsWith('presence:') ? presenceFields(got as PresenceState) : fieldsOf(got)) : 'nothing'];
            }),
          ),
        ]),
      ) as Record<string, Record<Audience, Seen>>;
    const observed = await until(async () => observe(), (o) => !JSON.stringify(o).includes('"nothing"'), 10_000);

    const envelope = ['actorId', 'id', 'name', 'occurredAt', 'requestId', 'seq', 'stream'];
    const whole = (...payload: string[]) => [...envelope, ...payload.map((f) => `payload.${f}`)].sort();
    // Public: no actorId, no request id, no seller or buyer id — the same for everyone, signed in or not.
    const publicStock = ['id', 'name', 'occurredAt', 'payload.available', 'payload.listingId', 'payload.soldOut', 'seq', 'stream'];
    const stockWhole = whole('listingId', 'sellerId', 'available', 'soldOut');
    const orderPaid = whole('orderId', 'buyerId', 'sellerId', 'from', 'to', 'actorId', 'paymentId');
    const checkoutCreated = whole('checkoutId', 'buyerId', 'orderIds', 'currency', 'totalMinor');
    const registered = whole('userId', 'displayName');
    const message = whole('threadId', 'message');
    const presence = ['page', 'users[].displayName', 'users[].id'];
    expect(observed).toEqual({
      'listing:{id}': { anonymous: publicStock, buyer: publicStock, seller: publicStock, staff: publicStock },
      'seller:{id}': { anonymous: 'refused', buyer: 'refused', seller: stockWhole, staff: stockWhole },
      'queue:listings': { anonymous: 'refused', buyer: 'refused', seller: 'refused', staff: stockWhole },
      'user:{buyer}': { anonymous: 'refused', buyer: checkoutCreated, seller: 'refused', staff: 'refused' },
      'team:all': { anonymous: 'refused', buyer: 'refused', seller: 'refused', staff: registered },
      // Console pages: staff only; buyers and sellers are neither shown nor told.
      'presence:{page}': { anonymous: 'refused', buyer: 'refused', seller: 'refused', staff: presence },
      'order:{id}': { anonymous: 'refused', buyer: orderPaid, seller: orderPaid, staff: orderPaid },
      'thread:{id}': { anonymous: 'refused', buyer: message, seller: message, staff: message },
    });

    // Nothing from the public room names a person, anywhere in the event (their own user rooms aside).
    for (const a of audiences) {
      const publicEvents = rows['listing:{id}']!.watches[a].events.filter((e) => e.stream === `listing:${listing.id}`);
      expect(publicEvents.length, a).toBeGreaterThan(0);
      for (const e of publicEvents) {
        expect(JSON.stringify(e), `${a} ${e.name}`).not.toContain(buyer.id);
        expect(JSON.stringify(e), `${a} ${e.name}`).not.toContain(seller.id);
      }
    }
    // The seller's socket in its own room and the listing room got the whole event, and only once.
    const stockSeen = both.filter((e) => e.name === 'listing.stock_changed' && e.payload.listingId === listing.id);
    expect(stockSeen.map(fieldsOf)).toEqual([stockWhole]);
    expect(stockSeen[0]!.actorId).toBe(buyer.id);
  });
});

describe('console presence', () => {
  it("refuses a buyer's presence:enter on a console page, and staff there never see them", async () => {
    const page = `/review/kyc-${randomUUID().slice(0, 8)}`;
    const staff = await connect(api, agent);
    const updates: PresenceState[] = [];
    staff.on('presence', (p: PresenceState) => updates.push(p));
    expect(await ask(staff, 'presence:enter', page)).toEqual({ ok: true });

    const outsider = await connect(api, buyer);
    const toldOutsider: PresenceState[] = [];
    outsider.on('presence', (p: PresenceState) => toldOutsider.push(p));
    expect(await ask(outsider, 'presence:enter', page)).toEqual({ ok: false, error: 'FORBIDDEN', message: expect.stringMatching(/team only/) as unknown as string });

    // A second staff member arrives: the page's presence is announced afresh, without the buyer.
    const colleague = await connect(api, admin);
    expect(await ask(colleague, 'presence:enter', page)).toEqual({ ok: true });
    const last = await until(async () => updates.at(-1), (p) => p?.users.length === 2, 5000);
    expect(last?.users.map((u) => u.id).sort()).toEqual([admin.id, agent.id].sort());
    expect(updates.flatMap((p) => p.users.map((u) => u.id))).not.toContain(buyer.id);
    expect(toldOutsider).toEqual([]);
  });
});

describe('per-socket limits', () => {
  let limited: RunningApi;
  beforeAll(async () => {
    limited = await startApi({ SOCKET_MAX_ROOMS: '3', SOCKET_EVENTS_PER_10S: '20', SOCKET_STRIKES_BEFORE_DISCONNECT: '8' });
  });
  afterAll(async () => {
    await limited?.close();
  });

  it('refuses a join past the room cap until an unsubscribe frees a slot', async () => {
    const socket = await connect(limited, null);
    for (const id of ['a', 'b', 'c']) expect(await ask(socket, 'subscribe', `listing:${id}`)).toEqual({ ok: true });
    expect(await ask(socket, 'subscribe', 'listing:d')).toEqual({ ok: false, error: 'TOO_MANY_ROOMS', message: expect.stringMatching(/3 live rooms/) as unknown as string });
    // A room it already follows is no new slot.
    expect(await ask(socket, 'subscribe', 'listing:a')).toEqual({ ok: true });
    expect(await ask(socket, 'unsubscribe', 'listing:a')).toEqual({ ok: true });
    expect(await ask(socket, 'subscribe', 'listing:d')).toEqual({ ok: true });
    const [server] = await limited.app.io.in(socket.id!).fetchSockets();
    expect([...server!.rooms].filter((r) => r.startsWith('listing:')).sort()).toEqual(['listing:b', 'listing:c', 'listing:d']);
    expect(socket.connected).toBe(true);
  });

  it('caps a burst of joins too, however fast they arrive', async () => {
    const socket = await connect(limited, await registerUser(limited));
    const acks = await Promise.all(['w', 'x', 'y', 'z', 'v'].map((id) => ask(socket, 'subscribe', `listing:${id}`)));
    expect(acks.filter((a) => a.ok)).toHaveLength(3);
    expect(acks.filter((a) => a.error === 'TOO_MANY_ROOMS')).toHaveLength(2);
  });

  it('refuses events past the budget, then disconnects a socket that keeps on sending', async () => {
    const person = await registerUser(limited);
    const socket = await connect(limited, person);
    const send = () => ask(socket, 'subscribe', 'queue:kyc'); // refused by policy: a cheap, admitted event
    // A window's worth and a few more: the budget admits 20 (plus what refills meanwhile), refuses the rest.
    const burst = await Promise.all(Array.from({ length: 25 }, send));
    const admitted = burst.filter((a) => a.error === 'FORBIDDEN').length;
    const refused = burst.filter((a) => a.error === 'RATE_LIMITED');
    expect(admitted).toBeGreaterThanOrEqual(20);
    expect(admitted + refused.length).toBe(25);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0]).toEqual({ ok: false, error: 'RATE_LIMITED', message: expect.stringMatching(/too much/) as unknown as string });
    expect(socket.connected).toBe(true);

    // It keeps on: the eighth refusal within the window ends the connection (from the server's side).
    const dropped = waitFor(socket, 'disconnect');
    for (let i = 0; i < 20 && socket.connected; i++) socket.emit('subscribe', 'queue:kyc', () => {});
    expect(await dropped).toBe('io server disconnect');
  });

  it("reads a person's roles once per grants version, not on every join", async () => {
    const staffer = await registerUser(limited, { roles: ['agent'] });
    const boss = await registerUser(limited, { roles: ['admin'] });
    const reads = vi.spyOn(roleRepository, 'findUser');
    const readsOf = () => reads.mock.calls.filter(([, id]) => id === staffer.id).length;
    try {
      const socket = await connect(limited, staffer);
      expect(await ask(socket, 'subscribe', 'queue:kyc')).toEqual({ ok: true });
      for (let i = 0; i < 8; i++) expect(await ask(socket, 'subscribe', 'queue:listings')).toEqual({ ok: true });
      expect(readsOf()).toBe(1);
      // A role edit bumps the grants version: the next join reads the person afresh and applies it.
      expect((await client(limited).roles.assign.mutate({ userId: staffer.id, roles: ['buyer'] }, { cookie: boss.cookie })).error).toBeUndefined();
      reads.mockClear();
      expect(await ask(socket, 'subscribe', 'queue:kyc')).toEqual({ ok: false, error: 'FORBIDDEN' });
      expect(await ask(socket, 'subscribe', 'queue:submissions')).toEqual({ ok: false, error: 'FORBIDDEN' });
      expect(readsOf()).toBe(1);
    } finally {
      reads.mockRestore();
    }
  });
});
