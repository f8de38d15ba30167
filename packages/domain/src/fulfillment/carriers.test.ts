import { describe, expect, it } from 'vitest';
import { carrierIds, carriers, checkTracking, normaliseTrackingNumber, trackingUrl } from './carriers.js';

describe('carriers', () => {
  it('accepts every carrier\'s own example and builds its tracking link', () => {
    for (const id of carrierIds) {
      const result = checkTracking(id, carriers[id].example);
      expect(result.ok, id).toBe(true);
      if (result.ok) expect(result.url).toContain(result.trackingNumber);
    }
  });

  it('normalises spaces, dashes and case', () => {
    expect(normaliseTrackingNumber(' 1z 999-aa1 0123456784 ')).toBe('1Z999AA10123456784');
    expect(checkTracking('ups', '1z999aa1 0123456784')).toMatchObject({ ok: true, trackingNumber: '1Z999AA10123456784' });
  });

  it('refuses numbers of the wrong shape with an example', () => {
    const result = checkTracking('dpd', '12345');
    expect(result).toEqual({ ok: false, message: 'That does not look like a DPD tracking number (for example 01234567890123).' });
    expect(checkTracking('royal_mail', 'AB123456789DE').ok).toBe(false);
    expect(checkTracking('ups', '1Z999AA1012345678').ok).toBe(false);
  });

  it('has no link for an unknown carrier', () => {
    expect(trackingUrl('pigeon', '1')).toBeNull();
  });
});
