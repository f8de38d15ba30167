import { z } from 'zod';
import { authedProcedure, publicProcedure, router } from '../../trpc/procedures.js';
import { startCheckout, startCheckoutSchema } from '../../services/checkout/start-checkout.js';
import { payWithTestCard, payWithTestCardSchema } from '../../services/checkout/pay-test-card.js';
import { getCheckout } from '../../services/orders/order-views.js';

const settingsOf = (config: { PLATFORM_FEE_BP: number; RESERVATION_MINUTES: number }) => ({ feeBasisPoints: config.PLATFORM_FEE_BP, reservationMinutes: config.RESERVATION_MINUTES });

/** How the storefront should collect the card: Stripe's Payment Element, or the offline test form. */
const paymentMode = publicProcedure.input(z.void()).query(({ ctx }) => {
  const config = ctx.services.config;
  if (!ctx.services.gateway) return { mode: 'disabled' as const, publishableKey: null };
  const local = Boolean(config.STRIPE_API_BASE);
  return { mode: local ? ('test_card' as const) : ('payment_element' as const), publishableKey: local ? null : (config.STRIPE_PUBLISHABLE_KEY ?? null) };
});

const start = authedProcedure.input(startCheckoutSchema).mutation(({ ctx, input }) => startCheckout(ctx.em, ctx.services.gateway, ctx.actor, input, settingsOf(ctx.services.config), new Date(), ctx.ip));

const payWithTestCardProcedure = authedProcedure.input(payWithTestCardSchema).mutation(({ ctx, input }) => payWithTestCard(ctx.em, ctx.services.gateway, ctx.actor, input, new Date(), ctx.req.log as never));

const get = authedProcedure.input(z.object({ id: z.string().uuid() })).query(({ ctx, input }) => getCheckout(ctx.em, ctx.actor, input.id));

export const checkoutRouter = router({ paymentMode, start, payWithTestCard: payWithTestCardProcedure, get });
