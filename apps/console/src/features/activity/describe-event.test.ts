import type { AnyLiveEvent } from '@marketdesk/domain';
import { describe, expect, it } from 'vitest';
import { describeEvent } from './describe-event';

const event = (name: string, payload: Record<string, unknown>, stream = 'order:o1') =>
  ({ id: '1', stream, seq: 1, name, payload, actorId: null, occurredAt: '2030-01-01T00:00:00Z' }) as unknown as AnyLiveEvent;

describe('describeEvent', () => {
  it('reads order and listing events in words', () => {
    expect(describeEvent(event('order.placed', { number: 'MD-000042', totalMinor: 100, currency: 'EUR' })).title).toBe('Order placed by a buyer (MD-000042)');
    expect(describeEvent(event('order.paid', {})).title).toBe('Payment received');
    expect(describeEvent(event('listing.rejected', { reason: 'Blurry photos' }, 'listing:l1'))).toEqual({ title: 'Listing rejected', detail: 'Blurry photos', color: 'red' });
    expect(describeEvent(event('listing.approved', {}, 'listing:l1')).title).toBe('Listing approved');
  });

  it('falls back to the name for events it has no words for', () => {
    expect(describeEvent(event('payout.requested', {}, 'payout:p1'))).toEqual({ title: 'payout.requested', detail: 'payout:p1', color: 'gray' });
  });
});
