import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MINUTE_MS } from '../units.js';
import { planAutoAssignment } from './auto-assign.js';
import { agoText, describeLastChange, heldByMessage } from './conflict-message.js';
import { resolveMentions } from './mentions.js';
import { decodeQueueCursor, encodeQueueCursor, queueFilterSchema } from './queue-filters.js';
import { activeClaimant, canClaim, claimExpiresAtMs, queueSlaRisk } from './queue-rules.js';
import { checkSellerCounter } from './submission-offers.js';
import { reasonText } from './decision-reasons.js';

const t0 = Date.UTC(2026, 10, 24, 12);

describe('claims', () => {
  it('treat an expired lease as free and renew one’s own', () => {
    const item = { queue: 'submissions' as const, state: 'submitted', claimedBy: 'dana', claimExpiresAtMs: claimExpiresAtMs(t0, 10 * MINUTE_MS) };
    expect(activeClaimant(item, t0 + 9 * MINUTE_MS)).toBe('dana');
    expect(activeClaimant(item, t0 + 10 * MINUTE_MS)).toBeNull();
    expect(canClaim(item, 'sam', t0 + MINUTE_MS)).toEqual({ ok: false, reason: 'HELD_BY_OTHER', holderId: 'dana' });
    expect(canClaim(item, 'dana', t0 + MINUTE_MS)).toEqual({ ok: true });
    expect(canClaim(item, 'sam', t0 + 11 * MINUTE_MS)).toEqual({ ok: true });
    expect(canClaim({ ...item, state: 'accepted' }, 'sam', t0)).toEqual({ ok: false, reason: 'FINISHED' });
    expect(() => claimExpiresAtMs(t0, 0)).toThrow();
  });
});

describe('auto-assignment', () => {
  const items = [3, 1, 2, 5, 4].map((n) => ({ id: `i${n}`, createdAtMs: t0 + n }));

  it('deals the oldest items round-robin within each person’s capacity', () => {
    const plan = planAutoAssignment(items, [{ userId: 'a', capacity: 2, holding: 0 }, { userId: 'b', capacity: 3, holding: 2 }]);
    expect(plan).toEqual([{ itemId: 'i1', userId: 'a' }, { itemId: 'i2', userId: 'b' }, { itemId: 'i3', userId: 'a' }]);
  });

  it('continues the rotation after the last person served', () => {
    const plan = planAutoAssignment(items.slice(0, 2), [{ userId: 'a', capacity: 5, holding: 0 }, { userId: 'b', capacity: 5, holding: 0 }], 'a');
    expect(plan.map((p) => p.userId)).toEqual(['b', 'a']);
  });

  it('never exceeds capacity and never assigns an item twice', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 40 }),
        fc.array(fc.record({ capacity: fc.integer({ min: 0, max: 6 }), holding: fc.integer({ min: 0, max: 6 }) }), { maxLength: 5 }),
        (ages, staff) => {
          const people = staff.map((s, i) => ({ userId: `u${i}`, ...s }));
          const plan = planAutoAssignment(ages.map((a, i) => ({ id: `i${i}`, createdAtMs: a })), people);
          expect(new Set(plan.map((p) => p.itemId)).size).toBe(plan.length);
          for (const p of people) expect(plan.filter((x) => x.userId === p.userId).length).toBeLessThanOrEqual(Math.max(0, p.capacity - p.holding));
          const room = people.reduce((s, p) => s + Math.max(0, p.capacity - p.holding), 0);
          expect(plan.length).toBe(Math.min(ages.length, room));
        },
      ),
    );
  });
});

describe('filters and cursors', () => {
  it('round-trips cursors and refuses forged ones', () => {
    const c = { value: 1234, id: '4b0f3f0e-7a53-4d2a-9f43-1b5a6c0d9e11' };
    expect(decodeQueueCursor(encodeQueueCursor(c))).toEqual(c);
    expect(decodeQueueCursor('nonsense')).toBeNull();
    expect(decodeQueueCursor(btoa(JSON.stringify([{}, 'x'])))).toBeNull();
  });

  it('refuses inverted ranges', () => {
    expect(queueFilterSchema.safeParse({ minValueMinor: 10, maxValueMinor: 5 }).success).toBe(false);
    expect(queueFilterSchema.safeParse({ assignee: 'me', conditions: ['NM'] }).success).toBe(true);
  });
});

describe('messages', () => {
  it('says who did what and when', () => {
    expect(describeLastChange({ actorName: 'Dana', action: 'rejected', atMs: t0 }, t0 + 3000)).toBe('Dana rejected this 3 s ago');
    expect(describeLastChange({ actorName: null, action: 'claim_expired', atMs: t0 }, t0 + 120_000)).toBe('The system let the claim on this lapse 2 min ago');
    expect(heldByMessage('Dana', t0, t0 + 5000)).toBe('Dana has it (claimed 5 s ago).');
    expect(agoText(3 * 3_600_000)).toBe('3 h ago');
    expect(reasonText('submissions', 'condition', ' scratched ')).toBe('The condition is below what we can sell: scratched');
  });
});

describe('mentions', () => {
  const team = [{ id: '1', displayName: 'Dana Admin' }, { id: '2', displayName: 'Sam Support' }, { id: '3', displayName: 'Sam Other' }];
  it('resolves full names without spaces and unique first names', () => {
    expect(resolveMentions('@DanaAdmin and @dana, also @samsupport. Not a@b.c or @sam', team).map((p) => p.id)).toEqual(['1', '2']);
    expect(resolveMentions('`no mentions here`', team)).toEqual([]);
  });
});

describe('seller counter-offers', () => {
  const lines = [{ itemId: 'a', offerMinor: 1000, askingMinor: 2000 }, { itemId: 'b', offerMinor: 500, askingMinor: 400 }];
  it('stays between our offer and the asking price, and beats the offer', () => {
    expect(checkSellerCounter(lines, [{ itemId: 'a', counterMinor: 1500 }], 0)).toEqual({ ok: true, totalMinor: 2000 });
    expect(checkSellerCounter(lines, [{ itemId: 'a', counterMinor: 2500 }], 0)).toMatchObject({ ok: false, itemId: 'a' });
    expect(checkSellerCounter(lines, [{ itemId: 'b', counterMinor: 400 }], 0)).toMatchObject({ ok: false, itemId: 'b' });
    expect(checkSellerCounter(lines, [{ itemId: 'a', counterMinor: 1000 }], 0)).toMatchObject({ ok: false, itemId: null });
    expect(checkSellerCounter(lines, [{ itemId: 'z', counterMinor: 1000 }], 0)).toMatchObject({ ok: false, itemId: 'z' });
    expect(checkSellerCounter(lines, [{ itemId: 'a', counterMinor: 1500 }], 3)).toMatchObject({ ok: false });
  });
});

describe('SLA risk of a queue item', () => {
  const item = { createdAtMs: t0, slaDueAtMs: t0 + 100 * MINUTE_MS };
  it('is on track until 75 % of the time to the deadline has gone, at risk after, overdue from the deadline', () => {
    expect(queueSlaRisk(item, t0)).toBe('on_track');
    expect(queueSlaRisk(item, t0 + 74 * MINUTE_MS)).toBe('on_track');
    expect(queueSlaRisk(item, t0 + 75 * MINUTE_MS)).toBe('at_risk');
    expect(queueSlaRisk(item, t0 + 99 * MINUTE_MS)).toBe('at_risk');
    expect(queueSlaRisk(item, t0 + 100 * MINUTE_MS)).toBe('overdue');
  });
  it('has nothing to say about items without a deadline', () => {
    expect(queueSlaRisk({ createdAtMs: t0, slaDueAtMs: null }, t0 + 1e9)).toBeNull();
  });
});
