import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatDayRange, formatInstant, formatOnServer, formatRelativeTime, formatTime } from './date';

const now = new Date('2025-06-01T12:00:00Z');
const instant = '2026-12-07T14:47:00Z';
const morning = '2026-12-07T09:05:00Z';

describe('the date formatter', () => {
  it('writes each shape in the viewer’s locale', () => {
    const gb = { locale: 'en-GB', timeZone: 'UTC' };
    const us = { locale: 'en-US', timeZone: 'UTC' };
    expect(formatDate(instant, gb)).toBe('7 Dec 2026');
    expect(formatDate(instant, us)).toBe('Dec 7, 2026');
    expect(formatDateTime(instant, gb)).toBe('7 Dec 2026, 14:47');
    expect(formatDateTime(instant, us)).toBe('Dec 7, 2026, 2:47 PM');
    expect(formatTime(instant, gb)).toBe('14:47');
    expect(formatTime(instant, us)).toBe('2:47 PM');
    expect(formatInstant(instant, 'weekdayDate', gb)).toBe('Mon 7 Dec');
  });

  it('writes hours as the locale’s own clock does ("09:05", "9:05 AM") in every shape', () => {
    expect(formatTime(morning, { locale: 'en-GB', timeZone: 'UTC' })).toBe('09:05');
    expect(formatDateTime(morning, { locale: 'en-GB', timeZone: 'UTC' })).toBe('7 Dec 2026, 09:05');
    expect(formatTime(morning, { locale: 'en-US', timeZone: 'UTC' })).toBe('9:05 AM');
    expect(formatDateTime(morning, { locale: 'de-DE', timeZone: 'UTC' })).toBe('7. Dez. 2026, 09:05');
  });

  it('writes the instant in the viewer’s time zone', () => {
    expect(formatDateTime(instant, { locale: 'en-GB', timeZone: 'America/New_York' })).toBe('7 Dec 2026, 09:47');
    expect(formatDateTime(instant, { locale: 'en-GB', timeZone: 'Asia/Tokyo' })).toBe('7 Dec 2026, 23:47');
    // Late in the evening in UTC is already the next day in Tokyo.
    expect(formatDate('2026-12-07T20:00:00Z', { locale: 'en-GB', timeZone: 'Asia/Tokyo' })).toBe('8 Dec 2026');
  });

  it('names the zone when asked, and the server always does', () => {
    expect(formatDateTime(instant, { locale: 'en-GB', timeZone: 'UTC', showZone: true })).toBe('7 Dec 2026, 14:47 UTC');
    expect(formatOnServer(instant, 'dateTime')).toBe('7 Dec 2026, 14:47 UTC');
    expect(formatOnServer(instant, 'time')).toBe('14:47 UTC');
    // A date has no hour to qualify; a relative time is written as the instant it stands for.
    expect(formatOnServer(instant, 'date')).toBe('7 Dec 2026');
    expect(formatOnServer(instant, 'relative')).toBe('7 Dec 2026, 14:47 UTC');
  });

  it('keeps a calendar day in its own zone: a UTC business day is the same day for everyone', () => {
    const window = formatDayRange('2030-03-05T00:30:00Z', '2030-03-08T00:30:00Z', { locale: 'en-GB', timeZone: 'UTC' });
    expect(window).toBe('Tue 5 Mar – Fri 8 Mar');
    expect(formatOnServer('2030-03-05T00:30:00Z', 'weekdayDate', { timeZone: 'UTC' })).toBe('Tue 5 Mar');
  });

  it('accepts dates, ISO strings and epoch milliseconds alike', () => {
    const gb = { locale: 'en-GB', timeZone: 'UTC' };
    expect(formatDateTime(new Date(instant), gb)).toBe(formatDateTime(Date.parse(instant), gb));
    expect(formatDateTime('not a date', gb)).toBe('—');
  });
});

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
