import { describe, expect, it } from 'vitest';
import { bellLabel, groupPreferences, storefrontPath, unreadBadge } from './notification-kinds';

const orderId = '11111111-1111-4111-8111-111111111111';

describe('notifications', () => {
  it('opens buyer notifications on the storefront, and leaves console links alone', () => {
    expect(storefrontPath({ kind: 'order_shipped', link: `/orders/${orderId}` })).toBe(`/orders/${orderId}`);
    expect(storefrontPath({ kind: 'order_paid', link: `/orders/${orderId}` })).toBeNull();
    expect(storefrontPath({ kind: 'order_cancelled', link: 'https://evil.example/orders/x' })).toBeNull();
    expect(storefrontPath({ kind: 'order_delivered', link: null })).toBeNull();
    expect(storefrontPath({ kind: 'payout_paid', link: '/payouts' })).toBeNull();
  });

  it('names the bell with its unread count', () => {
    expect(bellLabel(2)).toBe('Notifications (2 unread)');
    expect(bellLabel(0)).toBe('Notifications');
    expect(unreadBadge(3)).toBe('3');
    expect(unreadBadge(12)).toBe('9+');
  });

  it('shows selling preferences only to people who sell', () => {
    const prefs = [{ kind: 'order_shipped' }, { kind: 'payout_paid' }, { kind: 'order_cancelled' }];
    expect(groupPreferences(prefs, false)).toEqual({ buying: [{ kind: 'order_shipped' }, { kind: 'order_cancelled' }], selling: [] });
    expect(groupPreferences(prefs, true).selling).toEqual([{ kind: 'payout_paid' }]);
  });
});
