import { describe, expect, it } from 'vitest';
import { paidHeadline } from './confirmation-page';

describe('the confirmation of a paid checkout', () => {
  it('says the order went to the seller only when it did', () => {
    expect(paidHeadline({ orders: [{ state: 'paid' }] })).toMatchObject({ title: 'Thank you for your order', text: expect.stringMatching(/^We sent the order to the seller\./) });
  });

  it('says a held order is being checked, the payment is safe, and what happens next', () => {
    const held = paidHeadline({ orders: [{ state: 'under_review' }] });
    expect(held.title).toBe('Thank you — we are checking your order');
    expect(held.badge.label).toBe('Paid · being checked');
    expect(held.text).toMatch(/Your payment is safe/);
    expect(held.text).toMatch(/the seller has not been told yet/);
    expect(held.text).toMatch(/If all is well, the seller is told and ships as usual; if we cannot accept it, your payment for it is refunded to your card in full/);
    expect(held.text).not.toMatch(/We sent/);
  });

  it('says a rejected order was cancelled and refunded', () => {
    expect(paidHeadline({ orders: [{ state: 'cancelled' }] })).toMatchObject({ title: 'Your order was cancelled', text: 'Your payment is refunded to your card in full.' });
  });
});
