// Storefront routes (react-router data mode), shared by the browser router and the server
// renderer. Each route's `handle` says what the server fetches first and what goes in <head>.
import type { RouteObject } from 'react-router';
import { SiteLayout } from './features/layout/site-layout';
import { categoryHead, listingHead, sellerHead, simpleHead } from './features/seo/head';
import { isSellerId, SELLER_REVIEWS_LIMIT, sellerIsUnknown, sellerName, sellerSearchInput } from './features/sellers/seller-data';
import { LISTING_REVIEWS_LIMIT } from './features/reviews/listing-reviews';
import { parseSearchParams, toSearchInput } from './features/search/search-state';
import type { RouteHandle } from './lib/route-handle';
import { isNotFoundError, trpc } from '@marketdesk/ui/app';
import { getQueryKey } from '@trpc/react-query';
import { AccountPage } from './pages/account-page';
import { CartPage } from './pages/cart-page';
import { CategoryPage, SearchPage, findCategory } from './pages/search-page';
import { CheckoutPage } from './pages/checkout-page';
import { ConfirmationPage } from './pages/confirmation-page';
import { HomePage } from './pages/home-page';
import { ListingPage } from './pages/listing-page';
import { LoginPage } from './pages/login-page';
import { ForgotPasswordPage, ResetPasswordPage, VerifyEmailPage } from './pages/account-security-pages';
import { NotFoundPage } from './pages/not-found-page';
import { OrderPage } from './pages/order-page';
import { OrdersPage } from './pages/orders-page';
import { RegisterPage } from './pages/register-page';
import { RouteErrorPage } from './pages/route-error-page';
import { SellerPage } from './pages/seller-page';
import { WishlistPage } from './pages/wishlist-page';
import { MessagesPage } from './pages/messages-page';
import { ContactPage, HelpPage, infoPageHeads, PrivacyPage, TermsPage } from './pages/info-pages';

const noindex = 'noindex';

const home: RouteHandle = {
  prefetch: ({ utils }) => Promise.all([utils.catalog.home.prefetch({ limit: 8 }), utils.catalog.categories.prefetch()]),
  head: () => simpleHead('Marketdesk', '/', 'Buy records from independent sellers: vinyl, CDs, tapes and hi-fi, graded honestly and paid into escrow until your order arrives.'),
};

const search: RouteHandle = {
  prefetch: ({ utils, url }) =>
    Promise.all([utils.catalog.search.prefetchInfinite(toSearchInput(parseSearchParams(url.searchParams))), utils.catalog.categories.prefetch()]),
  head: ({ url }) => {
    const q = url.searchParams.get('q')?.trim();
    return { ...simpleHead(q ? `Search: ${q}` : 'Search records', `/search${q ? `?q=${encodeURIComponent(q)}` : ''}`), robots: 'noindex, follow' };
  },
};

const categoryInput = (url: URL, slug: string) => toSearchInput(parseSearchParams(url.searchParams, slug));

const category: RouteHandle = {
  prefetch: ({ utils, url, params }) =>
    Promise.all([utils.catalog.search.fetchInfinite(categoryInput(url, params.slug ?? '')).catch(() => null), utils.catalog.categories.prefetch()]),
  status: ({ utils, params }) => {
    const tree = utils.catalog.categories.getData();
    return tree && !findCategory(tree, params.slug ?? '') ? 404 : undefined;
  },
  head: ({ utils, url, params }) => {
    const found = findCategory(utils.catalog.categories.getData() ?? [], params.slug ?? '');
    if (!found) return simpleHead('Category not found', `/c/${params.slug ?? ''}`, 'This category does not exist.', noindex);
    const result = utils.catalog.search.getInfiniteData(categoryInput(url, found.slug))?.pages[0];
    return categoryHead(found, result);
  },
};

const listing: RouteHandle = {
  // Reviews are part of the page shoppers and crawlers read, so they are rendered on the server too.
  prefetch: async ({ utils, params }) => {
    const found = await utils.catalog.listing.fetch({ slug: params.slug ?? '' }).catch(() => null);
    if (found) await utils.reviews.forListing.prefetch({ listingId: found.id, limit: LISTING_REVIEWS_LIMIT });
  },
  status: ({ queryClient, params }) => (isNotFoundError(queryClient.getQueryState(getQueryKey(trpc.catalog.listing, { slug: params.slug ?? '' }, 'query'))?.error) ? 404 : undefined),
  head: ({ utils, params }) => {
    const data = utils.catalog.listing.getData({ slug: params.slug ?? '' });
    return data ? listingHead(data) : simpleHead('Listing not found', `/l/${params.slug ?? ''}`, 'This listing does not exist or is no longer available.', noindex);
  },
};

const seller: RouteHandle = {
  prefetch: async ({ utils, params }) => {
    const id = params.sellerId ?? '';
    if (!isSellerId(id)) return;
    await Promise.all([utils.catalog.search.fetchInfinite(sellerSearchInput(id)).catch(() => null), utils.reviews.forSeller.prefetch({ sellerId: id, limit: SELLER_REVIEWS_LIMIT })]);
  },
  status: ({ utils, params }) => {
    const id = params.sellerId ?? '';
    if (!isSellerId(id)) return 404;
    const found = utils.catalog.search.getInfiniteData(sellerSearchInput(id))?.pages[0];
    return sellerIsUnknown(found, utils.reviews.forSeller.getData({ sellerId: id, limit: SELLER_REVIEWS_LIMIT })) ? 404 : undefined;
  },
  head: ({ utils, params }) => {
    const id = params.sellerId ?? '';
    const found = isSellerId(id) ? utils.catalog.search.getInfiniteData(sellerSearchInput(id))?.pages[0] : undefined;
    const reviews = isSellerId(id) ? utils.reviews.forSeller.getData({ sellerId: id, limit: SELLER_REVIEWS_LIMIT }) : undefined;
    if (!found || !reviews || sellerIsUnknown(found, reviews)) return simpleHead('Seller not found', `/s/${id}`, 'This seller does not exist.', noindex);
    return sellerHead({ id, name: sellerName(id, found) ?? 'Seller', listingCount: found.total, aggregate: reviews.aggregate });
  },
};

const signedInPage = (title: string, path: string, prefetch?: RouteHandle['prefetch']): RouteHandle => ({
  requireAuth: true,
  ...(prefetch ? { prefetch } : {}),
  head: ({ url }) => simpleHead(title, path || url.pathname, undefined, noindex),
});

export const routes: RouteObject[] = [
  {
    element: <SiteLayout />,
    errorElement: <RouteErrorPage />,
    children: [
      { index: true, element: <HomePage />, handle: home },
      { path: 'search', element: <SearchPage />, handle: search },
      { path: 'c/:slug', element: <CategoryPage />, handle: category },
      { path: 'l/:slug', element: <ListingPage />, handle: listing },
      { path: 's/:sellerId', element: <SellerPage />, handle: seller },
      { path: 'cart', element: <CartPage />, handle: { head: () => simpleHead('Your cart', '/cart', undefined, noindex) } satisfies RouteHandle },
      { path: 'checkout', element: <CheckoutPage />, handle: signedInPage('Checkout', '/checkout', ({ utils }) => utils.addresses.list.prefetch()) },
      { path: 'orders', element: <OrdersPage />, handle: signedInPage('Your orders', '/orders', ({ utils }) => utils.orders.mine.prefetch()) },
      {
        path: 'orders/confirmation/:checkoutId',
        element: <ConfirmationPage />,
        handle: signedInPage('Thank you', '', ({ utils, params }) => utils.checkout.get.prefetch({ id: params.checkoutId ?? '' })),
      },
      { path: 'orders/:id', element: <OrderPage />, handle: signedInPage('Your order', '', ({ utils, params }) => utils.orders.get.prefetch({ id: params.id ?? '' })) },
      { path: 'register', element: <RegisterPage />, handle: { head: () => simpleHead('Create your account', '/register') } satisfies RouteHandle },
      { path: 'login', element: <LoginPage />, handle: { head: () => simpleHead('Sign in', '/login', undefined, noindex) } satisfies RouteHandle },
      { path: 'forgot-password', element: <ForgotPasswordPage />, handle: { head: () => simpleHead('Reset your password', '/forgot-password', undefined, noindex) } satisfies RouteHandle },
      { path: 'reset-password', element: <ResetPasswordPage />, handle: { head: () => simpleHead('Choose a new password', '/reset-password', undefined, noindex) } satisfies RouteHandle },
      { path: 'verify-email', element: <VerifyEmailPage />, handle: { head: () => simpleHead('Confirm your email address', '/verify-email', undefined, noindex) } satisfies RouteHandle },
      { path: 'account', element: <AccountPage />, handle: signedInPage('Your account', '/account') },
      { path: 'wishlist', element: <WishlistPage />, handle: signedInPage('Your wishlist', '/wishlist') },
      { path: 'messages', element: <MessagesPage />, handle: signedInPage('Messages', '/messages') },
      { path: 'help', element: <HelpPage />, handle: { head: () => infoPageHeads.help } satisfies RouteHandle },
      { path: 'terms', element: <TermsPage />, handle: { head: () => infoPageHeads.terms } satisfies RouteHandle },
      { path: 'privacy', element: <PrivacyPage />, handle: { head: () => infoPageHeads.privacy } satisfies RouteHandle },
      { path: 'contact', element: <ContactPage />, handle: { head: () => infoPageHeads.contact } satisfies RouteHandle },
      { path: '*', element: <NotFoundPage />, handle: { status: () => 404, head: ({ url }) => simpleHead('Page not found', url.pathname, undefined, noindex) } satisfies RouteHandle },
    ],
  },
];
