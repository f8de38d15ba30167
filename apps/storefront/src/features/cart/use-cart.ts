// One cart API for the header badge, the listing page, the cart and checkout: a signed-in buyer's
// cart is on the server (cart.get / cart.set), a guest's in local storage priced by cart.preview.
import { notifications } from '@mantine/notifications';
import { keepPreviousData } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { trpc } from '../../trpc';
import { useMe } from '../auth/use-session';
import type { CartView } from '../../lib/api-types';
import { addQuantity, countItems, createGuestCartMerger, guestCart, withQuantity } from './cart-store';

/** Carts are priced for Germany until the buyer gives an address at checkout. */
export const DEFAULT_COUNTRY = 'DE';

export function useGuestLines() {
  return useSyncExternalStore(guestCart.subscribe, guestCart.getLines, guestCart.getServerSnapshot);
}

export interface UseCart {
  signedIn: boolean;
  /** Units in the cart (for the badge). */
  count: number;
  view: CartView | undefined;
  isPending: boolean;
  isFetching: boolean;
  error: unknown;
  refetch: () => void;
  add: (listingId: string, quantity: number, available: number) => Promise<void>;
  setQuantity: (listingId: string, quantity: number) => Promise<void>;
  /** Listing ids with a change in flight. */
  busy: boolean;
}

export function useCart(options: { priced?: boolean; country?: string } = {}): UseCart {
  const { priced = true, country = DEFAULT_COUNTRY } = options;
  const me = useMe();
  const signedIn = Boolean(me.data);
  const guestLines = useGuestLines();
  const utils = trpc.useUtils();
  const server = trpc.cart.get.useQuery({ country }, { enabled: signedIn, placeholderData: keepPreviousData });
  const preview = trpc.cart.preview.useQuery(
    { lines: [...guestLines], country },
    { enabled: priced && !signedIn && !me.isPending && guestLines.length > 0, placeholderData: keepPreviousData },
  );
  const set = trpc.cart.set.useMutation({ onSettled: () => utils.cart.get.invalidate() });

  const emptyGuest = !signedIn && guestLines.length === 0;
  const view: CartView | undefined = signedIn ? server.data : emptyGuest ? { lines: [], totals: null } : preview.data;
  const count = signedIn ? countItems(server.data?.lines ?? []) : countItems(guestLines);

  const add = useCallback(
    async (listingId: string, quantity: number, available: number) => {
      if (!signedIn) {
        guestCart.set(addQuantity(guestCart.getLines(), listingId, quantity, available));
        return;
      }
      const current = await utils.cart.get.fetch({ country: DEFAULT_COUNTRY });
      const have = current.lines.find((l) => l.listingId === listingId)?.quantity ?? 0;
      await set.mutateAsync({ listingId, quantity: Math.min(have + quantity, available, 99) });
    },
    [signedIn, utils, set],
  );

  const setQuantity = useCallback(
    async (listingId: string, quantity: number) => {
      if (!signedIn) {
        guestCart.set(withQuantity(guestCart.getLines(), listingId, quantity));
        return;
      }
      await set.mutateAsync({ listingId, quantity });
    },
    [signedIn, set],
  );

  const active = signedIn ? server : preview;
  return {
    signedIn,
    count,
    view,
    isPending: me.isPending || (!emptyGuest && active.isPending && !active.data),
    isFetching: active.isFetching,
    error: emptyGuest ? null : active.error,
    refetch: () => void active.refetch(),
    add,
    setQuantity,
    busy: set.isPending,
  };
}

/** Merge the guest cart into the server cart once, right after sign-in or registration. */
export function useGuestCartMerge() {
  const me = useMe();
  const utils = trpc.useUtils();
  const merge = trpc.cart.merge.useMutation();
  const mutateRef = useRef(merge.mutateAsync);
  mutateRef.current = merge.mutateAsync;
  const mergeGuestCart = useMemo(() => createGuestCartMerger(guestCart, (lines) => mutateRef.current({ lines })), []);
  const userId = me.data?.id ?? null;
  useEffect(() => {
    if (!userId) return;
    mergeGuestCart()
      .then((merged) => {
        if (!merged) return;
        void utils.cart.get.invalidate();
        notifications.show({ title: 'Cart saved', message: 'The records you picked before signing in are in your cart.' });
      })
      .catch(() => notifications.show({ color: 'red', title: 'Could not move your cart', message: 'Your records are still saved in this browser; we will try again.' }));
  }, [userId, mergeGuestCart, utils]);
}
