// The root router. Clients import only `type AppRouter` from here.
import { router } from '../trpc/procedures.js';
import { activityRouter } from './activity/router.js';
import { authRouter } from './auth/router.js';
import { catalogRouter } from './catalog/router.js';
import { ledgerRouter } from './ledger/router.js';
import { listingsRouter } from './listings/router.js';
import { cartRouter } from './cart/router.js';
import { addressesRouter } from './addresses/router.js';
import { checkoutRouter } from './checkout/router.js';
import { ordersRouter } from './orders/router.js';
import { payoutsRouter } from './payouts/router.js';
import { reviewsRouter } from './reviews/router.js';
import { notificationsRouter } from './notifications/router.js';
import { mailRouter } from './mail/router.js';
import { profileRouter } from './profile/router.js';
import { queuesRouter } from './queues/router.js';
import { submissionsRouter } from './submissions/router.js';
import { kycRouter } from './kyc/router.js';
import { disputesRouter } from './disputes/router.js';
import { riskRouter } from './risk/router.js';
import { discoveryRouter } from './discovery/router.js';
import { wishlistRouter } from './wishlist/router.js';
import { enrichmentRouter } from './enrichment/router.js';
import { markdownsRouter } from './markdowns/router.js';
import { chatRouter } from './chat/router.js';
import { auditRouter } from './audit/router.js';
import { rolesRouter } from './roles/router.js';
import { piiRouter } from './pii/router.js';

export const appRouter = router({
  auth: authRouter,
  catalog: catalogRouter,
  profile: profileRouter,
  activity: activityRouter,
  mail: mailRouter,
  ledger: ledgerRouter,
  listings: listingsRouter,
  cart: cartRouter,
  addresses: addressesRouter,
  checkout: checkoutRouter,
  orders: ordersRouter,
  payouts: payoutsRouter,
  reviews: reviewsRouter,
  notifications: notificationsRouter,
  queues: queuesRouter,
  submissions: submissionsRouter,
  kyc: kycRouter,
  disputes: disputesRouter,
  risk: riskRouter,
  discovery: discoveryRouter,
  wishlist: wishlistRouter,
  enrichment: enrichmentRouter,
  markdowns: markdownsRouter,
  chat: chatRouter,
  audit: auditRouter,
  roles: rolesRouter,
  pii: piiRouter,
});

export type AppRouter = typeof appRouter;
