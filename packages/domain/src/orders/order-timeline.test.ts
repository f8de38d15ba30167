import { describe, expect, it } from 'vitest';
import { eventNames } from '../events/catalogue.js';
import {
  paymentCaptured,
  releaseEscrow,
  settleDispute,
  type EscrowHold,
} from '../ledger/flows/escrow.js';
import type { Transfer } from '../ledger/types.js';
import {
  orderTimeline,
  orderTimelineEvents,
  type OrderStreamEvent,
  type OrderTimelineContext,
  type TimelineAudience,
} from './order-timeline.js';
import { transferParties } from './transfer-parties.js';

// One order told the way the API records it: the transitions of the order machine and, in the same
// transaction (the same instant), one `order.ledger_posted` per transfer with the parties' shares.
const ids = { orderId: 'o-1', buyerId: 'b-1', sellerId: 's-1' };
const totalMinor = 6545;
const feeMinor = 500;

class Story {
  readonly events: OrderStreamEvent[] = [];
  hold: EscrowHold | null = null;
  at(iso: string) {
    return moment(this, iso);
  }
}

function moment(story: Story, iso: string) {
  return {
    event(name: string, payload: Record<string, unknown> = {}) {
      story.events.push({
        id: `e${story.events.length + 1}`,
        seq: story.events.length + 1,
        name,
        payload: { ...ids, ...payload },
        occurredAt: iso,
      });
      return this;
    },
    money(flow: { transfers: readonly Transfer[]; hold: EscrowHold | null }) {
      for (const t of flow.transfers) {
        // The hold the transfer settles is the one the order carried before it.
        const parties = transferParties(t, story.hold);
        this.event('order.ledger_posted', {
          transferId: t.id,
          code: t.code,
          kind: t.kind,
          currency: 'EUR',
          amountMinor: 0,
          ...parties,
        });
        if (t.kind === 'pending') story.hold = flow.hold;
      }
      story.hold = flow.hold;
      return this;
    },
  };
}

function paidAndShipped(story = new Story()) {
  story
    .at('2026-12-07T14:00:00.000Z')
    .event('order.paid', { from: 'awaiting_payment', to: 'paid', actorId: null, paymentId: 'pi_1' })
    .money(
      paymentCaptured({
        orderId: 'o-1',
        paymentId: 'pi_1:o-1',
        sellerId: 's-1',
        currency: 'EUR',
        grossMinor: totalMinor,
        feeMinor,
      }),
    )
    // Recorded last in the payment's transaction, as the API does: the timeline still starts with it.
    .event('order.placed', { number: 'MD-001001', currency: 'EUR', totalMinor });
  story
    .at('2026-12-07T15:00:00.000Z')
    .event('order.shipped', {
      from: 'paid',
      to: 'shipped',
      actorId: 's-1',
      carrier: 'dpd',
      trackingNumber: '01234567890123',
    });
  return story;
}

/** paid → shipped → disputed → split (€10 back) → completed, then the provider's echo of our refund. */
function splitStory() {
  const story = paidAndShipped();
  story
    .at('2026-12-08T09:00:00.000Z')
    .event('order.disputed', {
      from: 'shipped',
      to: 'disputed',
      actorId: 'b-1',
      reason: 'damaged',
    });
  story
    .at('2026-12-08T11:00:00.000Z')
    .event('order.partially_refunded', {
      from: 'disputed',
      to: 'partially_refunded',
      actorId: 'agent-1',
      currency: 'EUR',
      refundMinor: 1000,
      refundedTotalMinor: 1000,
    })
    .money(
      settleDispute(story.hold!, {
        resolutionId: 'd-1',
        buyerShareMinor: 1000,
        to: { kind: 'card' },
      }),
    );
  story
    .at('2026-12-09T10:00:00.000Z')
    .event('order.completed', {
      from: 'partially_refunded',
      to: 'completed',
      actorId: 'b-1',
      automatic: false,
    });
  story
    .at('2026-12-09T10:00:01.000Z')
    .event('order.payment_reported', {
      kind: 'refunded',
      providerEventId: 'evt_1',
      currency: 'EUR',
      amountMinor: 1000,
      detail: 'partially refunded',
    });
  return story;
}

const context = (audience: TimelineAudience): OrderTimelineContext => ({
  audience,
  buyerName: 'Bea',
  currency: 'EUR',
  totalMinor,
  feeMinor,
});
const read = (
  story: Story,
  audience: TimelineAudience,
  extra: Partial<OrderTimelineContext> = {},
) =>
  orderTimeline(story.events, { ...context(audience), ...extra }).map((e) => ({
    title: e.title,
    detail: e.detail,
    money: e.money && `${e.money.move} ${e.money.amountMinor}`,
  }));

describe('the order timeline, per audience, over paid → shipped → dispute split → completed', () => {
  it('tells the buyer each thing once, with what they paid and got back', () => {
    expect(read(splitStory(), 'buyer')).toEqual([
      {
        title: 'Order placed and paid',
        detail: 'Your payment is held safely until your order arrives.',
        money: 'paid 6545',
      },
      { title: 'Shipped with DPD', detail: 'Tracking number 01234567890123', money: null },
      {
        title: 'You reported a problem',
        detail: 'Arrived damaged. The payment stays on hold until Support settles it.',
        money: null,
      },
      {
        title: 'Dispute resolved: partial refund',
        detail: '€10.00 back to your card.',
        money: 'refunded 1000',
      },
      { title: 'Completed', detail: 'You confirmed that the order arrived.', money: null },
    ]);
  });

  it('tells the seller what is held for them and what was released, starting with the order', () => {
    expect(read(splitStory(), 'seller')).toEqual([
      {
        title: 'Order placed by Bea',
        detail:
          'Bea paid €65.45. Your €60.45 (after the €5.00 fee) is held until they have the order.',
        money: 'held 6045',
      },
      { title: 'Shipped with DPD', detail: 'Tracking number 01234567890123', money: null },
      {
        title: 'Bea reported a problem',
        detail: 'Arrived damaged. Your money stays on hold until Support settles it.',
        money: null,
      },
      // The fee shrinks in proportion: of the €10.00 refund €9.24 is the seller's share and €0.76 the fee's.
      {
        title: 'Dispute resolved: partial refund to the buyer',
        detail: '€10.00 refunded to Bea. €51.21 released to your balance.',
        money: 'released 5121',
      },
      { title: 'Completed', detail: 'Bea confirmed that the order arrived.', money: null },
    ]);
  });

  it('gives staff the whole split and the provider’s confirmation', () => {
    expect(read(splitStory(), 'staff')).toEqual([
      {
        title: 'Order placed and paid by Bea',
        detail: '€65.45 paid into escrow; €60.45 held for the seller (fee €5.00).',
        money: 'paid 6545',
      },
      { title: 'Shipped with DPD', detail: 'Tracking number 01234567890123', money: null },
      { title: 'Dispute opened by the buyer', detail: 'Arrived damaged', money: null },
      {
        title: 'Dispute resolved: partial refund',
        detail: '€10.00 back to the buyer’s card; €51.21 released to the seller (fee €4.24).',
        money: 'refunded 1000',
      },
      { title: 'Completed', detail: 'Bea confirmed that the order arrived.', money: null },
      {
        title: 'The payment provider confirmed the refund',
        detail: '€10.00 refunded on the payment in total.',
        money: null,
      },
    ]);
  });

  it('orders entries by when they happened, equal instants by sequence, whatever order they arrive in', () => {
    const story = splitStory();
    const shuffled = [...story.events].reverse();
    expect(orderTimeline(shuffled, context('seller'))).toEqual(
      orderTimeline(story.events, context('seller')),
    );
    const seqs = orderTimeline(story.events, context('staff')).map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  });
});

describe('other stories', () => {
  it('releases the seller’s net on completion and lists the buyer’s review last', () => {
    const story = paidAndShipped();
    story
      .at('2026-12-08T10:00:00.000Z')
      .event('order.delivered', { from: 'shipped', to: 'delivered', actorId: 'b-1' });
    story
      .at('2026-12-22T10:00:00.000Z')
      .event('order.completed', {
        from: 'delivered',
        to: 'completed',
        actorId: null,
        automatic: true,
      })
      .money(releaseEscrow(story.hold!));
    const review = { id: 'r-1', rating: 5, createdAt: '2026-12-22T12:00:00.000Z' };
    expect(read(story, 'seller', { review }).slice(3)).toEqual([
      {
        title: 'Completed',
        detail:
          'Completed by itself when the time to report a problem ended. €60.45 released to your balance.',
        money: 'released 6045',
      },
      { title: 'Bea left a 5-star review', detail: null, money: null },
    ]);
    expect(read(story, 'buyer', { review }).map((e) => e.title)).toEqual([
      'Order placed and paid',
      'Shipped with DPD',
      'Delivered',
      'Completed',
      'You left a 5-star review',
    ]);
  });

  it('keeps a fraud check from the seller until it is approved, and tells the buyer the truth meanwhile', () => {
    const story = new Story();
    story
      .at('2026-12-07T14:00:00.000Z')
      .event('order.paid', {
        from: 'awaiting_payment',
        to: 'paid',
        actorId: null,
        paymentId: 'pi_1',
      })
      .money(
        paymentCaptured({
          orderId: 'o-1',
          paymentId: 'pi_1:o-1',
          sellerId: 's-1',
          currency: 'EUR',
          grossMinor: totalMinor,
          feeMinor,
        }),
      )
      .event('order.held_for_review', {
        from: 'paid',
        to: 'under_review',
        actorId: null,
        score: 80,
      });
    expect(read(story, 'buyer')).toEqual([
      {
        title: 'Order placed and paid',
        detail: 'Your payment is safe. We are checking the order before it goes to the seller.',
        money: 'paid 6545',
      },
    ]);
    expect(read(story, 'seller')).toEqual([]);
    expect(read(story, 'staff').map((e) => e.title)).toEqual(['Paid — held for review']);
    story
      .at('2026-12-07T15:00:00.000Z')
      .event('order.review_approved', { from: 'under_review', to: 'paid', actorId: 'agent-1' })
      .event('order.placed', { number: 'MD-001001', currency: 'EUR', totalMinor });
    expect(read(story, 'buyer').map((e) => e.title)).toEqual([
      'Order placed and paid',
      'Check complete — sent to the seller',
    ]);
    expect(read(story, 'seller')).toEqual([
      {
        title: 'Order placed by Bea',
        detail:
          'Bea paid €65.45. Your €60.45 (after the €5.00 fee) is held until they have the order.',
        money: 'held 6045',
      },
    ]);
  });

  it('shows a refund made at the provider (not through us) to everyone', () => {
    const story = paidAndShipped();
    story
      .at('2026-12-08T10:00:00.000Z')
      .event('order.payment_reported', {
        kind: 'refunded',
        providerEventId: 'evt_2',
        currency: 'EUR',
        amountMinor: 2000,
        detail: 'partially refunded',
      });
    expect(read(story, 'buyer').at(-1)).toEqual({
      title: 'Refunded by the payment provider',
      detail: '€20.00 back to your card.',
      money: 'refunded 2000',
    });
    expect(read(story, 'seller').at(-1)?.title).toBe('Refund made at the payment provider');
  });

  it('never shows the parties an event code it does not know; staff see its name', () => {
    const story = paidAndShipped();
    story.at('2026-12-08T10:00:00.000Z').event('order.something_new');
    expect(read(story, 'buyer').map((e) => e.title)).not.toContain('order.something_new');
    expect(read(story, 'staff').at(-1)?.title).toBe('order.something_new');
  });
});

describe('the timeline table', () => {
  it('knows every order event in the catalogue', () => {
    const orderEvents = eventNames.filter((n) => n.startsWith('order.'));
    expect(orderEvents.filter((n) => !Object.hasOwn(orderTimelineEvents, n))).toEqual([]);
  });
});
