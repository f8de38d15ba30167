// Chat end to end against real PostgreSQL, Redis and sockets: stored first, then delivered through
// the outbox; idempotent retries by client id; catch-up by stream seq after a reconnect; typing,
// presence and read receipts; edit window and tombstones; the per-user rate limit; contact masking
// in pre-sale threads; private attachments; support shown as "Support"; strangers refused everywhere.
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { startStripeServer, type StripeServer } from '@marketdesk/stripe-local';
import { judgeSequence, maskedEmail, maskedPhone, supportInboxRoom, type AnyLiveEvent } from '@marketdesk/domain';
import { setStaffReplyCheck } from '../src/services/chat/index.js';
import { address, createCategory, createLiveListing, key, type Person } from './catalog-fixtures.js';
import { client, allowedOrigin, nextEvent, openSocket, registerUser, startApi, until, waitFor, type InputOf, type RunningApi } from './harness.js';

const secret = 'whsec_chat';
let stripe: StripeServer;
let api: RunningApi;
let seller: Person;
let admin: Person;
let agent: Person;
let categoryId: string;

type Event = AnyLiveEvent;

beforeAll(async () => {
  stripe = await startStripeServer({ port: 0 });
  api = await startApi({ STRIPE_SECRET_KEY: 'sk_test_marketdesk', STRIPE_WEBHOOK_SECRET: secret, STRIPE_API_BASE: stripe.url });
  stripe.setWebhook({ url: `${api.baseUrl}/webhooks/stripe`, secret });
  [seller, admin, agent] = await Promise.all([
    registerUser(api, { roles: ['seller', 'buyer'], displayName: 'Vinyl Vera' }),
    registerUser(api, { roles: ['admin'], displayName: 'Dana Admin' }),
    registerUser(api, { roles: ['agent'], displayName: 'Alex Agent' }),
  ]);
  categoryId = (await createCategory(api)).id;
});
afterAll(async () => {
  await api.close();
  await stripe.close();
});

const listing = () => createLiveListing(api, seller, admin, { categoryId, title: `Record ${key()}`, priceMinor: 3000, quantity: 5 });

async function paidOrder(buyer: Person) {
  const l = await listing();
  const started = await client(api).checkout.start.mutate({ idempotencyKey: key(), address, lines: [{ listingId: l.id, quantity: 1, priceMinor: 3000 }] }, { cookie: buyer.cookie });
  if (!started.data) throw new Error(`checkout failed: ${JSON.stringify(started.error)}`);
  await client(api).checkout.payWithTestCard.mutate({ checkoutId: started.data.checkoutId, card: 'visa', idempotencyKey: key() }, { cookie: buyer.cookie });
  const order = await client(api).orders.get.query({ id: started.data.orders[0]!.id }, { cookie: buyer.cookie });
  return order.data!;
}

async function orderThread(buyer: Person) {
  const order = await paidOrder(buyer);
  const thread = await client(api).chat.threadForOrder.mutate({ orderId: order.id }, { cookie: buyer.cookie });
  if (!thread.data) throw new Error(`thread failed: ${JSON.stringify(thread.error)}`);
  return { order, thread: thread.data };
}

const send = (who: Person, threadId: string, body: string, extra: Partial<InputOf<'chat.send'>> = {}) =>
  client(api).chat.send.mutate({ threadId, clientId: randomUUID(), body, ...extra }, { cookie: who.cookie });
const history = (who: Person, threadId: string, extra: Partial<InputOf<'chat.history'>> = {}) => client(api).chat.history.query({ threadId, ...extra }, { cookie: who.cookie });

async function connected(who: Person, rooms: string[] = []): Promise<Socket> {
  const socket = openSocket(api, who.cookie);
  await waitFor(socket, 'connect');
  for (const room of rooms) {
    const res = await subscribe(socket, room);
    if (!res.ok) throw new Error(`subscribe ${room}: ${res.error}`);
  }
  return socket;
}
const subscribe = (socket: Socket, room: string) => new Promise<{ ok: boolean; error?: string }>((resolve) => socket.emit('subscribe', room, resolve));
const chatEvent = (name: Event['name'], threadId: string, extra: (e: Event) => boolean = () => true) => (e: Event) => e.name === name && e.stream === `thread:${threadId}` && extra(e);

function pdf(): Blob {
  return new Blob([Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n')], { type: 'application/pdf' });
}
async function upload(who: Person, threadId: string, body: Blob, filename = 'label.pdf') {
  const form = new FormData();
  form.append('file', body, filename);
  const res = await fetch(`${api.baseUrl}/uploads/chat-attachments?threadId=${threadId}`, { method: 'POST', headers: { cookie: who.cookie, origin: allowedOrigin }, body: form });
  return { status: res.status, body: (await res.json()) as { id?: string; error?: { code: string } } };
}

describe('messages', () => {
  it('stores a message first, then delivers it live to the other participant (and their unread badge)', async () => {
    const buyer = await registerUser(api, { displayName: 'Bea Buyer' });
    const { thread } = await orderThread(buyer);
    const sellerSocket = await connected(seller, [`thread:${thread.id}`]);
    const delivered = nextEvent<Event>(sellerSocket, 'event', chatEvent('chat.message.created', thread.id));
    const before = (await client(api).chat.unread.query(undefined, { cookie: seller.cookie })).data!.total;

    const sent = await send(buyer, thread.id, 'Hello! Is the sleeve in good shape? <script>alert(1)</script>');
    expect(sent.data?.created).toBe(true);
    const stored = await api.app.db.orm.em.fork().getConnection().execute<{ body: string; seq: number }[]>('select body, seq from chat_messages where id = ?', [sent.data!.message.id]);
    expect(stored[0]?.body).toBe('Hello! Is the sleeve in good shape? <script>alert(1)</script>');

    const event = await delivered;
    expect(event.seq).toBe(sent.data!.message.seq);
    expect(event.payload).toMatchObject({ threadId: thread.id, message: { id: sent.data!.message.id, body: 'Hello! Is the sleeve in good shape? <script>alert(1)</script>', author: { id: buyer.id, role: 'buyer', name: 'Bea Buyer' } } });
    expect((await client(api).chat.unread.query(undefined, { cookie: seller.cookie })).data!.total).toBe(before + 1);
    const list = await client(api).chat.myThreads.query({}, { cookie: seller.cookie });
    expect(list.data?.find((t) => t.id === thread.id)).toMatchObject({ unread: 1, counterpart: 'Bea Buyer' });
    sellerSocket.close();
  });

  it('answers a retry with the same client id with the stored message, not a second one', async () => {
    const buyer = await registerUser(api);
    const { thread } = await orderThread(buyer);
    const clientId = randomUUID();
    const [a, b] = await Promise.all([
      client(api).chat.send.mutate({ threadId: thread.id, clientId, body: 'once' }, { cookie: buyer.cookie }),
      client(api).chat.send.mutate({ threadId: thread.id, clientId, body: 'once' }, { cookie: buyer.cookie }),
    ]);
    const c = await client(api).chat.send.mutate({ threadId: thread.id, clientId, body: 'once' }, { cookie: buyer.cookie });
    const results = [a, b, c].map((r) => r.data ?? r.error);
    expect(new Set([a, b, c].map((r) => r.data?.message.id)).size, JSON.stringify(results)).toBe(1);
    expect([a, b, c].filter((r) => r.data?.created)).toHaveLength(1);
    const rows = await api.app.db.orm.em.fork().getConnection().execute<{ n: number }[]>('select count(*)::int as n from chat_messages where thread_id = ?', [thread.id]);
    expect(rows[0]?.n).toBe(1);
  });

  it('lets a reconnecting client catch up by stream seq (new and changed messages, read positions)', async () => {
    const buyer = await registerUser(api);
    const { thread } = await orderThread(buyer);
    const first = await send(buyer, thread.id, 'first');
    const sellerSocket = await connected(seller, [`thread:${thread.id}`]);
    const seen: Event[] = [];
    sellerSocket.on('event', (e: Event) => seen.push(e));
    const second = await send(buyer, thread.id, 'second');
    // `seen` listens from before the send: the event may arrive before `send` answers.
    await until(async () => seen, (s) => s.some(chatEvent('chat.message.created', thread.id, (e) => e.seq === second.data!.message.seq)));
    const lastApplied = Math.max(...seen.filter((e) => e.stream === `thread:${thread.id}`).map((e) => e.seq));
    sellerSocket.close();

    // While the seller is away: a new message, an edit of an old one, and a delete.
    const third = await send(buyer, thread.id, 'third');
    await client(api).chat.edit.mutate({ messageId: first.data!.message.id, body: 'first (edited)' }, { cookie: buyer.cookie });
    await client(api).chat.delete.mutate({ messageId: second.data!.message.id }, { cookie: buyer.cookie });

    const caughtUp = await history(seller, thread.id, { afterSeq: lastApplied });
    expect(caughtUp.data!.messages.map((m) => [m.id, m.body, m.deletedAtMs !== null])).toEqual([
      [first.data!.message.id, 'first (edited)', false],
      [second.data!.message.id, '', true],
      [third.data!.message.id, 'third', false],
    ]);
    expect(caughtUp.data!.headSeq).toBeGreaterThan(third.data!.message.seq);
    expect(caughtUp.data!.messages.every((m) => m.changedSeq > lastApplied)).toBe(true);
    // Nothing after the head: asking again from the head returns nothing.
    expect((await history(seller, thread.id, { afterSeq: caughtUp.data!.headSeq })).data!.messages).toEqual([]);
    expect(caughtUp.data!.reads.find((r) => r.role === 'buyer')?.lastReadSeq).toBeGreaterThanOrEqual(third.data!.message.seq);
  });

  it('enforces the 5-minute edit window and only lets authors change their messages', async () => {
    const buyer = await registerUser(api);
    const { thread } = await orderThread(buyer);
    const sent = await send(buyer, thread.id, 'typo');
    const bySeller = await client(api).chat.edit.mutate({ messageId: sent.data!.message.id, body: 'hijack' }, { cookie: seller.cookie });
    expect(bySeller.error?.data.code).toBe('FORBIDDEN');
    const edited = await client(api).chat.edit.mutate({ messageId: sent.data!.message.id, body: 'fixed' }, { cookie: buyer.cookie });
    expect(edited.data).toMatchObject({ body: 'fixed' });
    expect(edited.data?.editedAtMs).not.toBeNull();

    await api.app.db.orm.em.fork().getConnection().execute(`update chat_messages set created_at = now() - interval '6 minutes' where id = ?`, [sent.data!.message.id]);
    const late = await client(api).chat.edit.mutate({ messageId: sent.data!.message.id, body: 'too late' }, { cookie: buyer.cookie });
    expect(late.error?.data.code).toBe('CONFLICT');
    expect(late.error?.data.details).toMatchObject({ reason: 'EDIT_WINDOW_CLOSED' });
    expect(late.error?.message).toMatch(/5 minutes/);
  });

  it('deletes as a tombstone: the text and files go, the fact stays, live', async () => {
    const buyer = await registerUser(api);
    const { thread } = await orderThread(buyer);
    const sent = await send(buyer, thread.id, 'my phone is 0171 1234567');
    const sellerSocket = await connected(seller, [`thread:${thread.id}`]);
    const gone = nextEvent<Event>(sellerSocket, 'event', chatEvent('chat.message.deleted', thread.id));
    const deleted = await client(api).chat.delete.mutate({ messageId: sent.data!.message.id }, { cookie: buyer.cookie });
    expect(deleted.data).toMatchObject({ body: '', attachments: [] });
    expect((await gone).payload).toMatchObject({ messageId: sent.data!.message.id });
    const seenBySeller = (await history(seller, thread.id)).data!.messages.find((m) => m.id === sent.data!.message.id);
    expect(seenBySeller).toMatchObject({ body: '', author: { role: 'buyer' } });
    expect(seenBySeller?.deletedAtMs).not.toBeNull();
    const row = await api.app.db.orm.em.fork().getConnection().execute<{ body: string; deleted_at: Date | null }[]>('select body, deleted_at from chat_messages where id = ?', [sent.data!.message.id]);
    expect(row[0]).toMatchObject({ body: '' });
    expect(row[0]?.deleted_at).not.toBeNull();
    const twice = await client(api).chat.delete.mutate({ messageId: sent.data!.message.id }, { cookie: buyer.cookie });
    expect(twice.error?.data.details).toMatchObject({ reason: 'DELETED' });
    sellerSocket.close();
  });

  it('limits how fast one person sends, with a clear error and when to retry', async () => {
    const buyer = await registerUser(api);
    const { thread } = await orderThread(buyer);
    for (let i = 0; i < 20; i += 1) expect((await send(buyer, thread.id, `m${i}`)).data?.created).toBe(true);
    const refused = await send(buyer, thread.id, 'one too many');
    expect(refused.error?.data.code).toBe('TOO_MANY_REQUESTS');
    expect(refused.error?.message).toMatch(/too quickly.*Wait \d+ seconds?/);
    const retryAfter = Number(refused.error?.data.details?.retryAfterSeconds);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(10);
    const raw = await send(buyer, thread.id, 'again');
    expect(raw.status).toBe(429);
    expect(Number(raw.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // The other party is not affected by this person's limit.
    expect((await send(seller, thread.id, 'still fine')).data?.created).toBe(true);
  });
});

describe('live signals', () => {
  it('shows typing, presence (online / away) and read receipts to the other side', async () => {
    const buyer = await registerUser(api, { displayName: 'Tia Typer' });
    const { thread } = await orderThread(buyer);
    const room = `thread:${thread.id}`;
    const buyerSocket = await connected(buyer, [room]);
    const presentSeller = nextEvent<{ users: { role: string; state: string }[] }>(buyerSocket, 'chat:presence', (p) => p.users.some((u) => u.role === 'seller' && u.state === 'online'));
    const sellerSocket = await connected(seller, [room]);
    await presentSeller;

    const typing = nextEvent<{ threadId: string; user: { role: string; name: string }; typing: boolean }>(buyerSocket, 'chat:typing');
    sellerSocket.emit('chat:typing', { threadId: thread.id, typing: true });
    expect(await typing).toEqual({ threadId: thread.id, user: { id: seller.id, role: 'seller', name: 'Vinyl Vera' }, typing: true });

    const away = nextEvent<{ users: { role: string; state: string }[] }>(buyerSocket, 'chat:presence', (p) => p.users.some((u) => u.role === 'seller' && u.state === 'away'));
    sellerSocket.emit('chat:presence', { state: 'away' });
    await away;

    const sent = await send(buyer, thread.id, 'Are you there?');
    const receipt = nextEvent<Event>(buyerSocket, 'event', chatEvent('chat.thread.read', thread.id));
    const read = await client(api).chat.markRead.mutate({ threadId: thread.id, seq: sent.data!.message.seq + 1000 }, { cookie: seller.cookie });
    expect(read.data?.lastReadSeq).toBe(sent.data!.message.seq); // capped at the newest message
    expect((await receipt).payload).toEqual({ threadId: thread.id, reader: { id: seller.id, role: 'seller' }, lastReadSeq: sent.data!.message.seq });

    // A stranger cannot signal into the thread.
    const stranger = await registerUser(api);
    const strangerSocket = await connected(stranger);
    const refused = await new Promise<{ ok: boolean }>((resolve) => strangerSocket.emit('chat:typing', { threadId: thread.id, typing: true }, resolve));
    expect(refused.ok).toBe(false);

    const left = nextEvent<{ users: { role: string }[] }>(buyerSocket, 'chat:presence', (p) => !p.users.some((u) => u.role === 'seller'));
    sellerSocket.close();
    await left;
    for (const s of [buyerSocket, strangerSocket]) s.close();
  });

  it('delivers 100 concurrent messages to every member in the same order with none lost', async () => {
    const bulk = await startApi({ CHAT_SEND_LIMIT: '1000', STRIPE_SECRET_KEY: 'sk_test_marketdesk', STRIPE_WEBHOOK_SECRET: secret, STRIPE_API_BASE: stripe.url });
    try {
      const buyer = await registerUser(api);
      const { thread } = await orderThread(buyer);
      const room = `thread:${thread.id}`;
      const members = [await connected(buyer, [room]), await connected(seller, [room])];
      const received = members.map(() => [] as string[]);
      const done = members.map(
        (socket, i) =>
          new Promise<void>((resolve) => {
            socket.on('event', (e: Event) => {
              if (e.name !== 'chat.message.created' || e.stream !== `thread:${thread.id}`) return;
              received[i]!.push(e.payload.message.id);
              if (received[i]!.length === 100) resolve();
            });
          }),
      );
      const results = await Promise.all(
        Array.from({ length: 100 }, (_, i) => client(bulk).chat.send.mutate({ threadId: thread.id, clientId: randomUUID(), body: `n${i}` }, { cookie: i % 2 ? buyer.cookie : seller.cookie })),
      );
      expect(results.filter((r) => r.error)).toEqual([]);
      await Promise.all(done);
      const bySeq = results.map((r) => r.data!.message).sort((a, b) => a.seq - b.seq).map((m) => m.id);
      expect(received[0]).toEqual(bySeq);
      expect(received[1]).toEqual(bySeq);
      members.forEach((s) => s.close());
    } finally {
      await bulk.close();
      // The seller's window is spent by this test's volume; later tests send as the seller again.
      await api.app.redis.del(`${api.app.services.config.REDIS_PREFIX}:chat-send:${seller.id}`);
    }
  });
});

describe('pre-sale threads', () => {
  it('mask contact details (order threads do not) and keep one thread per buyer and listing', async () => {
    const buyer = await registerUser(api);
    const l = await listing();
    const thread = (await client(api).chat.startPresale.mutate({ listingId: l.id }, { cookie: buyer.cookie })).data!;
    expect(thread).toMatchObject({ kind: 'presale', myRole: 'buyer' });
    expect((await client(api).chat.startPresale.mutate({ listingId: l.id }, { cookie: buyer.cookie })).data?.id).toBe(thread.id);
    const own = await client(api).chat.startPresale.mutate({ listingId: l.id }, { cookie: seller.cookie });
    expect(own.error?.data.code).toBe('BAD_REQUEST');

    const sellerSocket = await connected(seller, [`thread:${thread.id}`]);
    const delivered = nextEvent<Event>(sellerSocket, 'event', chatEvent('chat.message.created', thread.id));
    const sent = await send(buyer, thread.id, 'Is it still available? Mail me at bea@example.com or call +49 171 1234567.');
    const expected = `Is it still available? Mail me at ${maskedEmail} or call ${maskedPhone}.`;
    expect(sent.data?.message).toMatchObject({ body: expected, masked: true });
    expect((await delivered).payload).toMatchObject({ message: { body: expected, masked: true } });
    const row = await api.app.db.orm.em.fork().getConnection().execute<{ body: string }[]>('select body from chat_messages where id = ?', [sent.data!.message.id]);
    expect(row[0]?.body).toBe(expected); // the unmasked text is never stored

    const edited = await client(api).chat.edit.mutate({ messageId: sent.data!.message.id, body: 'or jane (at) example (dot) com' }, { cookie: buyer.cookie });
    expect(edited.data?.body).toBe(`or ${maskedEmail}`);

    const orderBuyer = await registerUser(api);
    const { thread: orderThreadView } = await orderThread(orderBuyer);
    expect((await send(orderBuyer, orderThreadView.id, 'bea@example.com')).data?.message).toMatchObject({ body: 'bea@example.com', masked: false });

    // The seller sees it in their Messages with an unread badge.
    const mine = await client(api).chat.myThreads.query({ kind: 'presale' }, { cookie: seller.cookie });
    expect(mine.data?.find((t) => t.id === thread.id)).toMatchObject({ unread: 1, kind: 'presale' });
    // Support reads pre-sale threads (moderation) but does not write in them.
    const bySupport = await send(agent, thread.id, 'Hello from support');
    expect(bySupport.error?.data.code).toBe('FORBIDDEN');
    sellerSocket.close();
  });

  it('mask a phone number followed by a reference, and leave the reference and order numbers as written', async () => {
    const buyer = await registerUser(api);
    const l = await listing();
    const thread = (await client(api).chat.startPresale.mutate({ listingId: l.id }, { cookie: buyer.cookie })).data!;
    const sellerSocket = await connected(seller, [`thread:${thread.id}`]);
    const delivered = nextEvent<Event>(sellerSocket, 'event', chatEvent('chat.message.created', thread.id));
    // The walk-through's message: the number went through whole, while a bare reference was masked.
    const sent = await send(buyer, thread.id, 'Call me: +49 170 1234567 (1207154404). About [1207154424], or 0170 1234567 after 6.');
    const expected = `Call me: ${maskedPhone} (1207154404). About [1207154424], or ${maskedPhone} after 6.`;
    expect(sent.data?.message).toMatchObject({ body: expected, masked: true });
    expect((await delivered).payload).toMatchObject({ message: { body: expected, masked: true } });
    const row = await api.app.db.orm.em.fork().getConnection().execute<{ body: string }[]>('select body from chat_messages where id = ?', [sent.data!.message.id]);
    expect(row[0]?.body).toBe(expected);

    const edited = await client(api).chat.edit.mutate({ messageId: sent.data!.message.id, body: 'Order 1207154424 — or ring (415) 555-2671 ext. 12' }, { cookie: buyer.cookie });
    expect(edited.data).toMatchObject({ body: `Order 1207154424 — or ring ${maskedPhone}`, masked: true });
    const plain = await send(buyer, thread.id, 'Is order 1207154424 from 1971 still €1,234.56?');
    expect(plain.data?.message).toMatchObject({ body: 'Is order 1207154424 from 1971 still €1,234.56?', masked: false });
    sellerSocket.close();
  });
});

describe('attachments', () => {
  it('accepts PDFs and images by their bytes and serves them only to the thread', async () => {
    const buyer = await registerUser(api);
    const stranger = await registerUser(api);
    const { thread } = await orderThread(buyer);
    const text = await upload(buyer, thread.id, new Blob(['just text pretending'], { type: 'application/pdf' }), 'fake.pdf');
    expect(text.status).toBe(415);
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#aa3366' } }).png().toBuffer();
    const image = await upload(buyer, thread.id, new Blob([png], { type: 'image/png' }), 'photo.png');
    const doc = await upload(buyer, thread.id, pdf());
    expect([image.status, doc.status]).toEqual([201, 201]);
    expect((await upload(stranger, thread.id, pdf())).status).toBe(404);

    const sent = await send(buyer, thread.id, '', { attachmentIds: [image.body.id!, doc.body.id!] });
    expect(sent.data?.message.attachments.map((a) => a.contentType)).toEqual(['image/png', 'application/pdf']);
    // An upload is attached once.
    expect((await send(buyer, thread.id, 'again', { attachmentIds: [doc.body.id!] })).error?.data.details).toMatchObject({ reason: 'ATTACHMENT_NOT_FOUND' });

    const url = (fileId: string) => `${api.baseUrl}/files/chat/${thread.id}/attachments/${fileId}`;
    const asSeller = await fetch(url(doc.body.id!), { headers: { cookie: seller.cookie } });
    expect(asSeller.status).toBe(200);
    expect(asSeller.headers.get('content-type')).toBe('application/pdf');
    expect(asSeller.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await fetch(url(image.body.id!), { headers: { cookie: agent.cookie } })).status).toBe(200);
    expect((await fetch(url(doc.body.id!), { headers: { cookie: stranger.cookie } })).status).toBe(404);
    expect((await fetch(url(doc.body.id!))).status).toBe(401);

    await client(api).chat.delete.mutate({ messageId: sent.data!.message.id }, { cookie: buyer.cookie });
    expect((await fetch(url(doc.body.id!), { headers: { cookie: seller.cookie } })).status).toBe(404);
  });
});

describe('access', () => {
  it('refuses a stranger history, sending, marking read, threads and the room', async () => {
    const buyer = await registerUser(api);
    const stranger = await registerUser(api, { roles: ['seller', 'buyer'] });
    const { order, thread } = await orderThread(buyer);
    await send(buyer, thread.id, 'private');
    const code = (r: { error?: { data: { code: string } } | undefined }) => r.error?.data.code;
    expect(code(await history(stranger, thread.id))).toBe('NOT_FOUND');
    expect(code(await history(stranger, thread.id, { afterSeq: 0 }))).toBe('NOT_FOUND');
    expect(code(await send(stranger, thread.id, 'let me in'))).toBe('NOT_FOUND');
    expect(code(await client(api).chat.markRead.mutate({ threadId: thread.id, seq: 1 }, { cookie: stranger.cookie }))).toBe('NOT_FOUND');
    expect(code(await client(api).chat.threadForOrder.mutate({ orderId: order.id }, { cookie: stranger.cookie }))).toBe('NOT_FOUND');
    expect(code(await client(api).chat.join.mutate({ threadId: thread.id }, { cookie: stranger.cookie }))).toBe('FORBIDDEN');
    expect(code(await client(api).chat.history.query({ threadId: thread.id }))).toBe('UNAUTHORIZED');
    const socket = await connected(stranger);
    expect(await subscribe(socket, `thread:${thread.id}`)).toEqual({ ok: false, error: 'FORBIDDEN' });
    socket.close();
  });
});

describe('support', () => {
  it('an agent joins any order thread, is shown as Support to customers, and uses canned replies', async () => {
    const buyer = await registerUser(api, { displayName: 'Carla Customer' });
    const { order, thread } = await orderThread(buyer);
    const buyerSocket = await connected(buyer, [`thread:${thread.id}`]);
    const agentSocket = await connected(agent);
    expect(await subscribe(agentSocket, `thread:${thread.id}`)).toEqual({ ok: true });

    const inbox = await client(api).chat.supportInbox.query({}, { cookie: agent.cookie });
    expect(inbox.error?.data.code ?? null).toBeNull();
    expect((await client(api).chat.supportInbox.query({}, { cookie: buyer.cookie })).error?.data.code).toBe('FORBIDDEN');

    const fromSupport = nextEvent<Event>(buyerSocket, 'event', chatEvent('chat.message.created', thread.id, (e) => e.name === 'chat.message.created' && e.payload.message.kind === 'text'));
    const joinedNote = nextEvent<Event>(buyerSocket, 'event', chatEvent('chat.message.created', thread.id, (e) => e.name === 'chat.message.created' && e.payload.message.kind === 'system'));
    const sent = await send(agent, thread.id, 'Hi, support here. How can I help?');
    expect(sent.data?.created).toBe(true);
    const event = await fromSupport;
    expect(event.actorId).toBeNull();
    expect(event.payload).toMatchObject({ message: { author: { id: null, role: 'support', name: 'Support' } } });
    expect(JSON.stringify(event)).not.toContain(agent.id);
    expect(JSON.stringify(event)).not.toContain('Alex');
    expect((await joinedNote).payload).toMatchObject({ message: { body: 'Support joined the conversation.', author: { role: 'system' } } });

    const asBuyer = (await history(buyer, thread.id)).data!;
    expect(asBuyer.messages.find((m) => m.id === sent.data!.message.id)?.author).toEqual({ id: null, role: 'support', name: 'Support' });
    expect(asBuyer.reads.find((r) => r.role === 'support')).toMatchObject({ id: null, name: 'Support' });
    expect(JSON.stringify(asBuyer)).not.toContain('Alex Agent');
    const asAgent = (await history(agent, thread.id)).data!;
    expect(asAgent.thread).toMatchObject({ myRole: 'support', joined: true, canWrite: true });
    expect(asAgent.messages.find((m) => m.id === sent.data!.message.id)?.author).toEqual({ id: agent.id, role: 'support', name: 'Support · Alex Agent' });

    // Canned replies: rendered on the server with this thread's facts.
    const canned = await client(api).chat.cannedReplies.list.query(undefined, { cookie: agent.cookie });
    const greeting = canned.data!.replies.find((r) => r.title === 'Greeting')!;
    const preview = await client(api).chat.cannedReplies.preview.query({ threadId: thread.id, id: greeting.id }, { cookie: agent.cookie });
    expect(preview.data?.body).toBe(`Hi Carla Customer, this is Marketdesk support. I am looking into order ${order.number} now.`);
    const cannedSent = await send(agent, thread.id, '', { cannedReplyId: greeting.id });
    expect(cannedSent.data?.message.body).toBe(preview.data?.body);
    expect((await client(api).chat.cannedReplies.save.mutate({ title: 'Bad', body: 'Hi {nickname}' }, { cookie: admin.cookie })).error?.data.details).toMatchObject({ reason: 'UNKNOWN_VARIABLE', unknown: ['nickname'] });
    expect((await client(api).chat.cannedReplies.save.mutate({ title: 'Nope', body: 'Hi {buyer_name}' }, { cookie: agent.cookie })).error?.data.code).toBe('FORBIDDEN');
    const saved = await client(api).chat.cannedReplies.save.mutate({ title: `Thanks ${key()}`, body: 'Thanks {buyer_name}!' }, { cookie: admin.cookie });
    expect(saved.data?.version).toBe(1);
    const stale = await client(api).chat.cannedReplies.save.mutate({ id: saved.data!.id, version: 1, title: 'Thanks', body: 'Thanks, {buyer_name}.' }, { cookie: admin.cookie });
    expect(stale.error).toBeUndefined();
    expect((await client(api).chat.cannedReplies.save.mutate({ id: saved.data!.id, version: 1, title: 'Thanks', body: 'Again' }, { cookie: admin.cookie })).error?.data.code).toBe('CONFLICT');

    // The pluggable dispute rule: only the assignee replies.
    const restore = setStaffReplyCheck(async (_tx, input) => (input.actor.id === agent.id ? { ok: false, message: 'Sam Support is handling this dispute. Take it over to reply.', details: { assigneeName: 'Sam Support' } } : { ok: true }));
    try {
      const refused = await send(agent, thread.id, 'me again');
      expect(refused.error?.data.code).toBe('FORBIDDEN');
      expect(refused.error?.data.details).toMatchObject({ reason: 'NOT_ASSIGNEE', assigneeName: 'Sam Support' });
      expect((await send(admin, thread.id, 'a colleague may')).data?.created).toBe(true);
    } finally {
      restore();
    }
    for (const s of [buyerSocket, agentSocket]) s.close();
  });

  it('lets a participant report a message and staff hide it with a reason', async () => {
    const buyer = await registerUser(api);
    const { thread } = await orderThread(buyer);
    const rude = await send(seller, thread.id, 'Something abusive');
    const reported = await client(api).chat.report.mutate({ messageId: rude.data!.message.id, reason: 'Abusive language' }, { cookie: buyer.cookie });
    expect(reported.data).toEqual({ reported: true, alreadyReported: false });
    expect((await client(api).chat.report.mutate({ messageId: rude.data!.message.id, reason: 'Abusive language' }, { cookie: buyer.cookie })).data).toEqual({ reported: true, alreadyReported: true });
    expect((await client(api).chat.report.mutate({ messageId: rude.data!.message.id, reason: 'Mine' }, { cookie: seller.cookie })).error?.data.code).toBe('BAD_REQUEST');
    const reports = await client(api).chat.reports.query({}, { cookie: agent.cookie });
    expect(reports.data?.find((r) => r.messageId === rude.data!.message.id)).toMatchObject({ reason: 'Abusive language', messageBody: 'Something abusive' });
    expect((await client(api).chat.reports.query({}, { cookie: buyer.cookie })).error?.data.code).toBe('FORBIDDEN');

    const buyerSocket = await connected(buyer, [`thread:${thread.id}`]);
    const hiddenLive = nextEvent<Event>(buyerSocket, 'event', chatEvent('chat.message.hidden', thread.id));
    expect((await client(api).chat.hide.mutate({ messageId: rude.data!.message.id, reason: 'Abuse' }, { cookie: buyer.cookie })).error?.data.code).toBe('FORBIDDEN');
    const hidden = await client(api).chat.hide.mutate({ messageId: rude.data!.message.id, reason: 'Abusive language' }, { cookie: agent.cookie });
    expect(hidden.data).toMatchObject({ hidden: true, body: 'Something abusive', moderation: { hiddenBy: 'Alex Agent', hiddenReason: 'Abusive language' } });
    expect((await hiddenLive).payload).toEqual({ threadId: thread.id, messageId: rude.data!.message.id, hiddenAtMs: expect.any(Number) });
    expect((await history(buyer, thread.id)).data!.messages.find((m) => m.id === rude.data!.message.id)).toMatchObject({ hidden: true, body: '', moderation: null });
    const row = await api.app.db.orm.em.fork().getConnection().execute<{ hidden_by: string; hidden_reason: string }[]>('select hidden_by, hidden_reason from chat_messages where id = ?', [rude.data!.message.id]);
    expect(row[0]).toEqual({ hidden_by: agent.id, hidden_reason: 'Abusive language' });
    buyerSocket.close();
  });
});

describe('support inbox, live', () => {
  type Summary = Extract<Event, { name: 'chat.inbox.updated' }>;
  const summaryOf = (threadId: string, extra: (e: Summary) => boolean = () => true) => (e: Event) => e.name === 'chat.inbox.updated' && e.payload.threadId === threadId && extra(e as Summary);

  it('tells staff with chat.support about new order conversations and messages in threads no agent joined, through support:inbox', async () => {
    const buyer = await registerUser(api, { displayName: 'Petra Parcel' });
    const agentSocket = await connected(agent);
    expect(await subscribe(agentSocket, supportInboxRoom)).toEqual({ ok: true });
    // Buyers and sellers do not follow the inbox.
    for (const who of [buyer, seller]) {
      const socket = await connected(who);
      expect(await subscribe(socket, supportInboxRoom)).toEqual({ ok: false, error: 'FORBIDDEN' });
      socket.close();
    }

    // A new order conversation: the agent has not joined it and is in no room of it.
    const { order, thread } = await orderThread(buyer);
    const first = nextEvent<Event>(agentSocket, 'event', summaryOf(thread.id));
    await send(buyer, thread.id, 'Where is my parcel? Ring me on 0170 1234567 or mail petra@example.com.');
    const summary = (await first) as Summary;
    expect(summary.payload).toEqual({
      threadId: thread.id,
      kind: 'order',
      order: { id: order.id, number: order.number },
      listing: null,
      lastMessageSeq: expect.any(Number),
      lastMessageAtMs: expect.any(Number),
      // A room is not one checked viewer: contact details masked, no one named.
      preview: `Where is my parcel? Ring me on ${maskedPhone} or mail ${maskedEmail}.`,
      unread: 1,
      supportJoined: false,
    });
    expect(summary.actorId).toBeNull();
    expect(JSON.stringify(summary)).not.toMatch(new RegExp(`${buyer.id}|${seller.id}|Petra|Vinyl Vera`));

    // A second message, from the seller: still unread by support.
    const second = nextEvent<Event>(agentSocket, 'event', summaryOf(thread.id, (e) => e.payload.unread === 2));
    await send(seller, thread.id, 'It left on Monday.');
    expect(((await second) as Summary).payload).toMatchObject({ preview: 'It left on Monday.', unread: 2, supportJoined: false });

    // An agent joins: the inbox hears that support is in, with nothing left unread.
    const joined = nextEvent<Event>(agentSocket, 'event', summaryOf(thread.id, (e) => e.payload.supportJoined));
    expect((await client(api).chat.join.mutate({ threadId: thread.id }, { cookie: agent.cookie })).error).toBeUndefined();
    expect(((await joined) as Summary).payload).toMatchObject({ preview: 'Support joined the conversation.', unread: 0, supportJoined: true });

    // Pre-sale questions stay between buyer and seller: nothing for the inbox.
    const presale = (await client(api).chat.startPresale.mutate({ listingId: (await listing()).id }, { cookie: buyer.cookie })).data!;
    expect((await send(buyer, presale.id, 'Is the sleeve OK?')).data?.created).toBe(true);
    const presaleSummaries = await api.app.db.orm.em.fork().getConnection().execute<{ n: number }[]>(`select count(*)::int as n from outbox_events where name = 'chat.inbox.updated' and payload->>'threadId' = ?`, [presale.id]);
    expect(presaleSummaries[0]?.n).toBe(0);
    agentSocket.close();
  });
});

describe('sequence bookkeeping', () => {
  it('every thread event is one step of the thread stream', async () => {
    const buyer = await registerUser(api);
    const { thread } = await orderThread(buyer);
    const socket = await connected(buyer, [`thread:${thread.id}`]);
    const events: Event[] = [];
    socket.on('event', (e: Event) => {
      if (e.stream === `thread:${thread.id}`) events.push(e);
    });
    const a = await send(buyer, thread.id, 'a');
    await send(seller, thread.id, 'b');
    await client(api).chat.edit.mutate({ messageId: a.data!.message.id, body: 'a2' }, { cookie: buyer.cookie });
    await nextEvent<Event>(socket, 'event', chatEvent('chat.message.edited', thread.id));
    let last: number | undefined;
    for (const e of events) {
      expect(judgeSequence(last, e.seq)).toBe('apply');
      last = e.seq;
    }
    socket.close();
  });
});
