// One readable line per live event for the Team activity feed.
import type { AnyLiveEvent } from '@marketdesk/domain';
import { describeOrderEvent } from '../orders/describe-order-event';

const listingTitles: Record<string, string> = {
  'listing.created': 'Listing created',
  'listing.edited': 'Listing edited',
  'listing.submitted': 'Listing submitted for review',
  'listing.approved': 'Listing approved',
  'listing.rejected': 'Listing rejected',
  'listing.revised': 'Rejected listing back to draft',
  'listing.paused': 'Listing paused',
  'listing.resumed': 'Listing back on sale',
  'listing.sold_out': 'Listing sold out',
  'listing.restocked': 'Listing restocked',
  'listing.archived': 'Listing archived',
  'listing.deal_expired': 'Listing deal ended',
  'listing.stock_changed': 'Listing stock changed',
};

export interface EventDescription {
  title: string;
  detail?: string;
  color: string;
}

export function describeEvent(event: AnyLiveEvent): EventDescription {
  switch (event.name) {
    case 'user.registered':
      return { title: `${event.payload.displayName} joined Marketdesk`, color: 'market' };
    case 'user.profile.updated':
      return {
        title: `${event.payload.previousDisplayName} is now ${event.payload.displayName}`,
        detail: 'Display name changed',
        color: 'blue',
      };
    case 'session.revoked':
      return {
        title: event.payload.everywhere ? 'Signed out everywhere' : 'Signed out',
        detail: `${event.payload.sessionIds.length} session(s) ended`,
        color: 'gray',
      };
    case 'mail.sent':
      return { title: `Mail sent: ${event.payload.subject}`, detail: event.payload.template, color: 'grape' };
    default: {
      if (event.name.startsWith('order.')) {
        const { title, color } = describeOrderEvent({ name: event.name, payload: event.payload as Record<string, unknown> }, { buyerName: 'a buyer', currency: 'EUR' });
        const number = (event.payload as { number?: string }).number;
        return { title: number ? `${title} (${number})` : title, detail: event.stream, color };
      }
      const listingTitle = listingTitles[event.name];
      if (listingTitle) {
        const reason = event.name === 'listing.rejected' ? event.payload.reason : undefined;
        return { title: listingTitle, detail: reason ?? event.stream, color: event.name === 'listing.rejected' ? 'red' : 'blue' };
      }
      // Other machine events (submissions, payouts…) read well enough as their name until their features land.
      return { title: event.name, detail: event.stream, color: 'gray' };
    }
  }
}
