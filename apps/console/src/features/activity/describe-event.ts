// One readable line per live event for the Team activity feed.
import type { AnyLiveEvent } from '@marketdesk/domain';

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
    default:
      // Machine events (orders, submissions…) read well enough as their name until their features land.
      return { title: event.name, detail: event.stream, color: 'gray' };
  }
}
