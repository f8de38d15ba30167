// Which notifications are about buying (and so open a storefront page) and which are about selling
// (their links, such as `/orders/:id` or `/payouts`, are console pages that happen to share paths).

/** Kinds a buyer receives (see apps/api/src/services/notifications/notification-rules.ts). */
export const buyerKinds: readonly string[] = ['order_shipped', 'order_delivered', 'order_cancelled', 'wishlist_price_drop', 'wishlist_back_in_stock'];

const storefrontPaths = [/^\/orders\/[0-9a-f-]{36}$/i, /^\/l\/[a-z0-9-]+$/, /^\/s\/[0-9a-f-]{36}$/i, /^\/account$/, /^\/orders$/, /^\/wishlist$/];

/** The storefront page a notification opens, or null when it is not one of ours. */
export function storefrontPath(n: { kind: string; link: string | null }): string | null {
  if (!n.link || !buyerKinds.includes(n.kind)) return null;
  const path = n.link.split(/[?#]/)[0]!;
  return storefrontPaths.some((p) => p.test(path)) ? n.link : null;
}

/** "Notifications (2 unread)", or just "Notifications". */
export function bellLabel(unread: number): string {
  return unread > 0 ? `Notifications (${unread} unread)` : 'Notifications';
}

/** "9+" keeps the badge small. */
export function unreadBadge(unread: number): string {
  return unread > 9 ? '9+' : String(unread);
}

/** Preferences split by who they are for; sellers and staff see both groups. */
export function groupPreferences<P extends { kind: string }>(prefs: readonly P[], sells: boolean): { buying: P[]; selling: P[] } {
  const buying = prefs.filter((p) => buyerKinds.includes(p.kind));
  const selling = sells ? prefs.filter((p) => !buyerKinds.includes(p.kind)) : [];
  return { buying, selling };
}
