import { describe, expect, it } from 'vitest';
import type { AnyLiveEvent } from '../events/catalogue.js';
import { publicLiveEvent } from '../policy/rooms.js';
import { isWholeLiveEvent } from './socket-protocol.js';

const stock = {
  id: '1',
  stream: 'listing:l1',
  seq: 3,
  name: 'listing.stock_changed',
  payload: { listingId: 'l1', sellerId: 's1', available: 0, soldOut: true },
  actorId: null,
  occurredAt: '2030-01-01T00:00:00Z',
} as unknown as AnyLiveEvent;

describe('isWholeLiveEvent', () => {
  it('tells a members’ room’s whole event (even one the system caused) from a public room’s view', () => {
    expect(isWholeLiveEvent(stock)).toBe(true);
    expect(isWholeLiveEvent(publicLiveEvent(stock)!)).toBe(false);
  });
});
