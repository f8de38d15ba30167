// Live stock on a listing page: follow the public `listing:{id}` room and write each
// `listing.stock_changed` into the cached listing, so "Sold out" appears without a reload. After
// a reconnect the listing is refetched (events sent while we were away are not replayed).
import { useOnConnect, useLiveWireEvents, useRoom } from '@marketdesk/ui/app';
import { useRef, useState } from 'react';
import { trpc } from '../../trpc';

export function useLiveListing(slug: string, listingId: string | undefined) {
  const utils = trpc.useUtils();
  const [changedAt, setChangedAt] = useState<number | null>(null);
  useRoom(listingId ? `listing:${listingId}` : null);
  // A visitor gets the public room's view of the event; someone also in a members' room, the whole event.
  useLiveWireEvents((event) => {
    if (event.name !== 'listing.stock_changed') return;
    const payload = event.payload as { listingId: string; available: number; soldOut: boolean };
    if (payload.listingId !== listingId) return;
    utils.catalog.listing.setData({ slug }, (old) => (old ? { ...old, available: payload.available, soldOut: payload.soldOut } : old));
    setChangedAt(Date.now());
  });
  const connectedBefore = useRef(false);
  useOnConnect(() => {
    if (connectedBefore.current) void utils.catalog.listing.invalidate({ slug });
    connectedBefore.current = true;
  });
  return { changedAt };
}
