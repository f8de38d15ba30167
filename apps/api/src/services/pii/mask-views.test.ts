import { defaultGrantTable, type Actor } from '@marketdesk/domain';
import { describe, expect, it } from 'vitest';
import { scrubPii } from './live-payload.js';
import { maskIdentifier, maskShippingAddress, mayViewPiiOf, personName } from './mask-views.js';

describe('masking personal data', () => {
  it('lets people see their own data, admins anyone’s, agents only people in their cases', () => {
    expect(mayViewPiiOf({ id: 'u', roles: ['buyer'] }, 'u')).toBe(true);
    expect(mayViewPiiOf({ id: 'b', roles: ['buyer'] }, 'u')).toBe(false);
    expect(mayViewPiiOf({ id: 'a', roles: ['admin'] }, 'u')).toBe(true);
    expect(mayViewPiiOf({ id: 'g', roles: ['agent'] }, 'u')).toBe(false);
    expect(mayViewPiiOf({ id: 'g', roles: ['agent'] }, 'u', ['g'])).toBe(true);
  });

  it('keeps an address recognisable but unusable', () => {
    const masked = maskShippingAddress({ name: 'Bea Buyer', line1: 'Hauptstraße 1', line2: 'Hinterhaus', city: 'Berlin', postalCode: '10115', country: 'DE', phone: '+49 30 1234567' });
    expect(masked).toEqual({ name: 'B. B.', line1: '***', line2: '***', city: 'Berlin', postalCode: '10***', country: 'DE', phone: '+** ** ****567' });
    expect(maskIdentifier('DE123456789')).toBe('***789');
    expect(maskIdentifier(null)).toBeNull();
  });

  it('scrubs personal fields from live payloads at any depth', () => {
    expect(scrubPii({ id: 'x', state: 'paid', buyer: { email: 'a@b.c', name: 'kept' }, lines: [{ shippingAddress: { line1: 'x' } }], phone: null })).toEqual({ id: 'x', state: 'paid', buyer: { email: '***', name: 'kept' }, lines: [{ shippingAddress: '***' }], phone: null });
  });

  it('names shops and staff as they are, and other people as initials unless the viewer may see their data', () => {
    const auditor: Actor = { id: 'x', roles: ['auditors'], grants: { ...defaultGrantTable, auditors: { staff: false, grants: { 'audit.view': 'any' } } } };
    expect(personName(auditor, { id: 's', displayName: 'Groove Records', roles: ['seller', 'buyer'] })).toEqual({ name: 'Groove Records', nameMasked: false });
    expect(personName(auditor, { id: 'a', displayName: 'Alex Agent', roles: ['agent'] })).toEqual({ name: 'Alex Agent', nameMasked: false });
    expect(personName(auditor, { id: 'b', displayName: 'Bea Buyer', roles: ['buyer'] })).toEqual({ name: 'B. B.', nameMasked: true });
    expect(personName({ id: 'root', roles: ['admin'] }, { id: 'b', displayName: 'Bea Buyer', roles: ['buyer'] })).toEqual({ name: 'Bea Buyer', nameMasked: false });
    expect(personName({ id: 'b', roles: ['buyer'] }, { id: 'b', displayName: 'Bea Buyer', roles: ['buyer'] }).nameMasked).toBe(false);
  });
});
