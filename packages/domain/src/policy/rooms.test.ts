import { describe, expect, it } from 'vitest';
import { listingRoom, parseRoom, roomName } from '../events/rooms.js';
import type { Actor } from './roles.js';
import type { AnyLiveEvent } from '../events/catalogue.js';
import { canJoinRoom, liveEventFor, publicLiveEvent, roomAudience, roomNeedsFacts } from './rooms.js';

const buyer: Actor = { id: 'b1', roles: ['buyer'] };
const seller: Actor = { id: 's1', roles: ['seller'] };
const agent: Actor = { id: 'a1', roles: ['agent'] };
const admin: Actor = { id: 'root', roles: ['admin'] };
const anonymous = null;

describe('listing rooms', () => {
  it('parse and name listing:{id}', () => {
    expect(parseRoom('listing:7b0e4a52-1c1f-4b7a-9a51-0d1c2e3f4a5b')).toEqual({ kind: 'listing', id: '7b0e4a52-1c1f-4b7a-9a51-0d1c2e3f4a5b' });
    expect(listingRoom('l1')).toBe('listing:l1');
    expect(roomName({ kind: 'listing', id: 'l1' })).toBe('listing:l1');
    expect(parseRoom('listing:')).toBeNull();
    expect(parseRoom('listing:a b')).toBeNull();
    expect(parseRoom('support:inbox')).toEqual({ kind: 'support', id: 'inbox' });
    expect(parseRoom('support:everything')).toBeNull();
    expect(roomNeedsFacts('listing:l1')).toBeNull();
  });

  it('are open to everyone, signed in or not', () => {
    for (const actor of [anonymous, undefined, buyer, seller, agent, admin]) expect(canJoinRoom(actor, 'listing:l1')).toEqual({ ok: true });
  });

  it('still refuse malformed names to anonymous visitors', () => {
    expect(canJoinRoom(anonymous, 'listing:../x y')).toEqual({ ok: false, reason: 'MALFORMED' });
    expect(canJoinRoom(anonymous, 'nope:1')).toEqual({ ok: false, reason: 'MALFORMED' });
  });
});

describe('canJoinRoom', () => {
  it('refuses every non-public room to an anonymous visitor', () => {
    for (const name of ['user:b1', 'queue:listings', 'team:all', 'support:inbox', 'presence:x', 'order:o1', 'thread:t1', 'seller:s1']) {
      expect(canJoinRoom(anonymous, name, { participantIds: ['b1'], sellerOwnerId: 's1' }), name).toEqual({ ok: false, reason: 'FORBIDDEN' });
      expect(canJoinRoom(undefined, name), name).toEqual({ ok: false, reason: 'FORBIDDEN' });
    }
  });

  // room, facts, [buyer, seller, agent, admin]
  const table: [string, Parameters<typeof canJoinRoom>[2], [boolean, boolean, boolean, boolean]][] = [
    ['user:b1', {}, [true, false, false, false]],
    ['queue:listings', {}, [false, false, true, true]],
    ['queue:payouts', {}, [false, false, false, true]],
    ['queue:disputes', {}, [false, false, true, true]],
    ['team:all', {}, [false, false, true, true]],
    // Support staff (chat.support) follow every order conversation's summary, joined or not.
    ['support:inbox', {}, [false, false, true, true]],
    // Presence is the team's: buyers and sellers are neither shown nor told (sellers use the console too).
    ['presence:page-1', {}, [false, false, true, true]],
    ['order:o1', { participantIds: ['b1', 's1'] }, [true, true, true, true]],
    ['order:o1', {}, [false, false, true, true]],
    ['seller:s1', { sellerOwnerId: 's1' }, [false, true, true, true]],
    ['thread:t1', { participantIds: ['b1', 's1'] }, [true, true, true, true]],
    ['thread:t1', {}, [false, false, true, true]],
    ['listing:l1', {}, [true, true, true, true]],
  ];
  it.each(table)('%s with %j → buyer, seller, agent, admin = %j', (name, facts, expected) => {
    expect([buyer, seller, agent, admin].map((a) => canJoinRoom(a, name, facts).ok)).toEqual(expected);
  });
});

describe('room audiences', () => {
  it('make listing rooms public and every other kind members-only; an unparsable name counts as public', () => {
    expect(roomAudience('listing:l1')).toBe('public');
    for (const name of ['user:b1', 'queue:listings', 'team:all', 'support:inbox', 'presence:x', 'order:o1', 'thread:t1', 'seller:s1']) expect(roomAudience(name), name).toBe('members');
    expect(roomAudience('nope:1')).toBe('public');
  });

  const stock: AnyLiveEvent = {
    id: '41',
    stream: 'listing:l1',
    seq: 3,
    name: 'listing.stock_changed',
    payload: { listingId: 'l1', sellerId: 's1', available: 0, soldOut: true },
    actorId: 'b1',
    occurredAt: '2025-01-01T00:00:00.000Z',
  };

  it('give a public room no person ids: no actorId, no seller id, nothing the envelope grows later', () => {
    const seen = publicLiveEvent({ ...stock, requestId: 'req-1' } as AnyLiveEvent);
    expect(seen).toEqual({ id: '41', stream: 'listing:l1', seq: 3, name: 'listing.stock_changed', payload: { listingId: 'l1', available: 0, soldOut: true }, occurredAt: '2025-01-01T00:00:00.000Z' });
    expect(JSON.stringify(seen)).not.toMatch(/b1|s1/);
  });

  it('keep events without a public view out of public rooms, and give members the whole event', () => {
    const rejected = { ...stock, name: 'listing.rejected', payload: { listingId: 'l1', sellerId: 's1', from: 'pending_review', to: 'rejected', actorId: 'a1', reason: 'blurry' } } as AnyLiveEvent;
    expect(liveEventFor('public', rejected)).toBeNull();
    expect(liveEventFor('members', rejected)).toBe(rejected);
    expect(liveEventFor('public', { ...stock, name: 'listing.paused', payload: { listingId: 'l1', sellerId: 's1', from: 'active', to: 'paused', actorId: 's1' } } as AnyLiveEvent)?.payload).toEqual({ listingId: 'l1', from: 'active', to: 'paused' });
  });
});
