import { describe, expect, it } from 'vitest';
import { formatRelativeTime } from './date';

const now = new Date('2025-06-01T12:00:00Z');

describe('formatRelativeTime', () => {
  it('reads recent moments as "just now"', () => {
    expect(formatRelativeTime(new Date('2025-06-01T11:59:40Z'), now, 'en')).toBe('just now');
  });
  it('picks the largest fitting unit, past and future', () => {
    expect(formatRelativeTime('2025-06-01T11:57:00Z', now, 'en')).toBe('3 minutes ago');
    expect(formatRelativeTime('2025-06-01T09:00:00Z', now, 'en')).toBe('3 hours ago');
    expect(formatRelativeTime('2025-05-31T12:00:00Z', now, 'en')).toBe('yesterday');
    expect(formatRelativeTime('2025-06-03T12:00:00Z', now, 'en')).toBe('in 2 days');
  });
});
