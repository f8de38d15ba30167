// Notifications carry a link written by the API for whoever receives them: console pages for
// sellers and staff (/orders/…, /payouts, /listings), storefront pages for buyers. The bell only
// navigates to links this console can open; anything else is just marked read.
const consolePrefixes = ['/orders', '/payouts', '/listings', '/review/', '/queues/', '/submissions', '/ledger', '/activity', '/mail', '/profile'];

export function consolePath(link: string | null | undefined): string | null {
  if (!link || !link.startsWith('/') || link.startsWith('//')) return null;
  const path = link.split(/[?#]/)[0]!;
  return consolePrefixes.some((p) => path === p || path.startsWith(p.endsWith('/') ? p : `${p}/`)) ? link : null;
}

/** The bell's accessible name carries the count, so screen readers hear it without opening it. */
export function bellLabel(unread: number | undefined): string {
  return unread ? `Notifications (${unread} unread)` : 'Notifications';
}

/** What the badge shows: the count, capped so it stays a dot-sized label. */
export function badgeCount(unread: number): string {
  return unread > 99 ? '99+' : String(unread);
}

export function isMyNotification(event: { name: string; payload: unknown }, userId: string | undefined): boolean {
  return !!userId && event.name === 'notification.created' && (event.payload as { userId?: string }).userId === userId;
}
