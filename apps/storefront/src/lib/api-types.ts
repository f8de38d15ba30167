// Server types, imported as types only (the API's code never reaches the bundle).
import type { AppRouter } from '@marketdesk/api/router';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type ListingView = RouterOutputs['catalog']['listing'];
export type ListingCardData = RouterOutputs['catalog']['home'][number];
export type SearchResult = RouterOutputs['catalog']['search'];
export type CartView = RouterOutputs['cart']['preview'];
export type CartLineView = CartView['lines'][number];
export type CartTotals = NonNullable<CartView['totals']>;
export type CheckoutView = RouterOutputs['checkout']['get'];
export type OrderDetail = RouterOutputs['orders']['get'];
export type OrderSummary = RouterOutputs['orders']['mine'][number];
export type SavedAddress = RouterOutputs['addresses']['list'][number];
export type RecommendationRowData = RouterOutputs['discovery']['trending'];
export type WishlistItemView = RouterOutputs['wishlist']['list'][number];
