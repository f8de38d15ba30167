import { describe, expect, it } from 'vitest';
import { allMachines } from '../machines/registry.js';
import { eventNames, isEventName, parseEventPayload } from './catalogue.js';

describe('event catalogue', () => {
  it('names every event noun.verb in snake case', () => {
    for (const name of eventNames) expect(name).toMatch(/^[a-z]+(\.[a-z_]+)+$/);
  });

  it('keeps the skeleton events and holds every event a machine emits', () => {
    for (const name of ['user.registered', 'user.profile.updated', 'session.revoked', 'mail.sent']) expect(isEventName(name)).toBe(true);
    const emitted = new Set(allMachines.flatMap((m) => m.describe().edges.flatMap((e) => e.emits)));
    for (const name of emitted) expect(isEventName(name)).toBe(true);
    // Every machine event in the catalogue is emitted by some machine (no dead entries).
    const machineNouns = ['order.', 'submission.', 'listing.', 'kyc.', 'dispute.', 'payout.'];
    expect(eventNames.filter((n) => machineNouns.some((p) => n.startsWith(p)) && !emitted.has(n))).toEqual([]);
  });

  it('validates payloads', () => {
    const payload = { orderId: 'o1', buyerId: 'b1', sellerId: 's1', from: 'paid', to: 'shipped', actorId: 's1', carrier: 'DHL', trackingNumber: 'X1' };
    expect(parseEventPayload('order.shipped', payload)).toEqual(payload);
    expect(() => parseEventPayload('order.shipped', { ...payload, carrier: undefined })).toThrow();
  });
});
