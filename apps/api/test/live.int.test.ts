// The live path end to end: outbox → relay → Socket.IO, across processes and reconnects.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyLiveEvent } from '@marketdesk/domain';
import { recordEvent } from '../src/services/outbox/record-event.js';
import { client, nextEvent, openSocket, registerUser, startApi, waitFor, type RunningApi } from './harness.js';

let a: RunningApi;
let b: RunningApi;
beforeAll(async () => {
  a = await startApi();
  b = await startApi();
});
afterAll(async () => {
  await Promise.all([a.close(), b.close()]);
});

async function recordProfileEvent(api: RunningApi, userId: string, displayName: string, rollback = false) {
  const em = api.app.db.orm.em.fork();
  await em
    .transactional(async (tx) => {
      await recordEvent(tx, {
        stream: `user:${userId}`,
        name: 'user.profile.updated',
        payload: { userId, displayName, previousDisplayName: 'before' },
        rooms: [`user:${userId}`],
        actorId: userId,
        now: new Date(),
      });
      if (rollback) throw new Error('rollback on purpose');
    })
    .catch((err: Error) => {
      if (!rollback) throw err;
      expect(err.message).toBe('rollback on purpose');
    });
}

const named = (displayName: string) => (e: AnyLiveEvent) => e.name === 'user.profile.updated' && e.payload.displayName === displayName;

describe('outbox relay', () => {
  it('never delivers an event from a rolled-back transaction', async () => {
    const user = await registerUser(a);
    const socket = openSocket(a, user.cookie);
    await waitFor(socket, 'connect');
    const received: AnyLiveEvent[] = [];
    socket.on('event', (e: AnyLiveEvent) => received.push(e));
    await recordProfileEvent(a, user.id, 'ghost', true);
    await recordProfileEvent(a, user.id, 'real');
    await nextEvent(socket, 'event', named('real'));
    await a.app.relay.drain();
    expect(received.filter(named('ghost'))).toHaveLength(0);
    expect(received.filter(named('real'))).toHaveLength(1);
    socket.close();
  });

  it('delivers an event committed while the relay was down once it restarts', async () => {
    const relayless = await startApi({}, { startRelay: false });
    // b's relay would otherwise publish it; pause it too, so only the restarted relay can.
    await b.app.relay.stop();
    await a.app.relay.stop();
    const user = await registerUser(relayless);
    const socket = openSocket(relayless, user.cookie);
    await waitFor(socket, 'connect');
    await recordProfileEvent(relayless, user.id, 'while-down');
    const arrived = nextEvent<AnyLiveEvent>(socket, 'event', named('while-down'));
    await relayless.app.relay.start();
    const event = await arrived;
    expect(event.stream).toBe(`user:${user.id}`);
    expect(event.seq).toBeGreaterThanOrEqual(2); // 1 was user.registered
    socket.close();
    await relayless.close();
    await a.app.relay.start();
    await b.app.relay.start();
  });

  it('hands out gap-free per-stream sequences', async () => {
    const user = await registerUser(a);
    await Promise.all(Array.from({ length: 10 }, (_, i) => recordProfileEvent(a, user.id, `n${i}`)));
    const rows: { seq: number }[] = await a.app.db.orm.em
      .fork()
      .getConnection()
      .execute('select seq from outbox_events where stream = ? order by seq', [`user:${user.id}`]);
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
  });
});

describe('two API processes', () => {
  it('delivers a room event to a socket connected to the other process', async () => {
    const user = await registerUser(a);
    const onB = openSocket(b, user.cookie);
    await waitFor(onB, 'connect');
    await a.app.relay.stop(); // make sure a, not b, publishes
    await b.app.relay.stop();
    await recordProfileEvent(a, user.id, 'cross-process');
    const arrived = nextEvent<AnyLiveEvent>(onB, 'event', named('cross-process'));
    await a.app.relay.drain();
    expect((await arrived).payload).toMatchObject({ displayName: 'cross-process' });
    onB.close();
    await a.app.relay.start();
    await b.app.relay.start();
  });

  it('shows presence from both processes and disconnects sockets on logout everywhere', async () => {
    const dana = await registerUser(a, { displayName: 'Dana', roles: ['admin'] });
    const alex = await registerUser(b, { displayName: 'Alex', roles: ['agent'] });
    const s1 = openSocket(a, dana.cookie);
    const s2 = openSocket(b, alex.cookie);
    await Promise.all([waitFor(s1, 'connect'), waitFor(s2, 'connect')]);
    const both = (p: { users: { displayName: string }[] }) => p.users.length === 2;
    const seen = nextEvent(s1, 'presence', both);
    s1.emit('presence:enter', 'dashboard');
    s2.emit('presence:enter', 'dashboard');
    expect(await seen).toMatchObject({ page: 'dashboard' });

    const dropped = waitFor(s2, 'disconnect');
    await client(a).auth.logoutEverywhere.mutate(undefined, { cookie: alex.cookie });
    expect(await dropped).toBe('io server disconnect');
    s1.close();
  });
});

describe('socket security', () => {
  it('lets an anonymous visitor in for public rooms only; refuses a stale session and another origin', async () => {
    const user = await registerUser(a);
    const anon = openSocket(a, '');
    await waitFor(anon, 'connect');
    const ask = (room: string) => new Promise((r) => anon.emit('subscribe', room, r));
    expect(await ask(`user:${user.id}`)).toEqual({ ok: false, error: 'FORBIDDEN' });
    expect(await ask('queue:listings')).toEqual({ ok: false, error: 'FORBIDDEN' });
    anon.close();
    const stale = openSocket(a, 'md_session=not-a-real-session-token');
    expect(((await waitFor(stale, 'connect_error')) as Error).message).toBe('UNAUTHORIZED');
    stale.close();
    const evil = openSocket(a, user.cookie, 'https://evil.example');
    await waitFor(evil, 'connect_error');
    evil.close();
  });

  it('checks room joins against the policy', async () => {
    const buyer = await registerUser(a);
    const s = openSocket(a, buyer.cookie);
    await waitFor(s, 'connect');
    const ask = (room: string) => new Promise((r) => s.emit('subscribe', room, r));
    expect(await ask('team:all')).toEqual({ ok: false, error: 'FORBIDDEN' });
    expect(await ask('queue:submissions')).toEqual({ ok: false, error: 'FORBIDDEN' });
    expect(await ask('user:someone-else')).toEqual({ ok: false, error: 'FORBIDDEN' });
    expect(await ask('session:abc')).toEqual({ ok: false, error: 'MALFORMED' });
    s.close();
  });
});

describe('connection-state recovery', () => {
  it('a socket that drops briefly receives what it missed on reconnect', async () => {
    const user = await registerUser(a);
    const socket = openSocket(a, user.cookie);
    await waitFor(socket, 'connect');
    // The session offset is persisted with the first packet after connecting.
    await recordProfileEvent(a, user.id, 'before-drop');
    await nextEvent(socket, 'event', named('before-drop'));

    const dropped = waitFor(socket, 'disconnect');
    socket.io.engine.close(); // simulate a network drop (the client will reconnect)
    await dropped;
    const reconnected = waitFor(socket, 'connect');
    await recordProfileEvent(a, user.id, 'missed');
    await a.app.relay.drain();
    const missed = nextEvent<AnyLiveEvent>(socket, 'event', named('missed'));
    await reconnected;
    expect(socket.recovered).toBe(true);
    expect((await missed).name).toBe('user.profile.updated');
    socket.close();
  });
});
