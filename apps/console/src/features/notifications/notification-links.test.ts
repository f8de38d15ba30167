import { describe, expect, it } from 'vitest';
import { badgeCount, bellLabel, consolePath, isMyNotification } from './notification-links';

describe('notification links', () => {
  it('opens console pages and nothing else', () => {
    expect(consolePath('/orders/9fa2d433-eb2c-41d4-8b7a-997736c92eb2')).toBe('/orders/9fa2d433-eb2c-41d4-8b7a-997736c92eb2');
    expect(consolePath('/payouts')).toBe('/payouts');
    expect(consolePath('/listings')).toBe('/listings');
    expect(consolePath('/payouts?tab=history')).toBe('/payouts?tab=history');
    expect(consolePath('/account/orders/1')).toBeNull();
    expect(consolePath('/ordersabc')).toBeNull();
    expect(consolePath('https://evil.example/orders/1')).toBeNull();
    expect(consolePath('//evil.example/orders')).toBeNull();
    expect(consolePath(null)).toBeNull();
  });

  it('names the bell with the unread count', () => {
    expect(bellLabel(0)).toBe('Notifications');
    expect(bellLabel(undefined)).toBe('Notifications');
    expect(bellLabel(3)).toBe('Notifications (3 unread)');
    expect(badgeCount(120)).toBe('99+');
  });

  it('listens to notification.created for the signed-in person only', () => {
    expect(isMyNotification({ name: 'notification.created', payload: { userId: 'u1' } }, 'u1')).toBe(true);
    expect(isMyNotification({ name: 'notification.created', payload: { userId: 'u2' } }, 'u1')).toBe(false);
    expect(isMyNotification({ name: 'order.paid', payload: { userId: 'u1' } }, 'u1')).toBe(false);
  });
});
