// Sends an approved payout through the provider: the seller's connected account (created on first
// use), a transfer from the platform balance, then the payout to their bank. Every call carries an
// idempotency key derived from the payout id, so a retried job never pays twice. A definite refusal
// fails the payout (the money returns to the seller's available balance); transient errors retry.
import { GatewayError } from '../../integrations/stripe/index.js';
import { payoutRepository } from '../../repositories/payout-repository.js';
import { userRepository } from '../../repositories/user-repository.js';
import { failUnsentPayout, markPayoutSent } from '../../services/payouts/payout-service.js';
import { defineJob } from '../job-definition.js';

export const sendPayoutJob = defineJob('payouts.send', {
  async handle(ctx, { payoutId }) {
    const em = ctx.db.orm.em.fork();
    const payout = await payoutRepository.find(em, payoutId);
    if (!payout || payout.state !== 'approved') return;
    if (!ctx.gateway) throw new Error('Payments are not configured; the payout waits until they are.');
    try {
      let account = await payoutRepository.connectedAccount(em, payout.sellerId);
      if (!account) {
        const seller = await userRepository.findById(em, payout.sellerId);
        account = (await ctx.gateway.createSellerAccount({ email: seller?.email ?? `${payout.sellerId}@sellers.invalid`, country: 'DE', sellerId: payout.sellerId, idempotencyKey: `seller-account-${payout.sellerId}` })).accountId;
        await payoutRepository.saveConnectedAccount(em, payout.sellerId, account, ctx.now());
        account = (await payoutRepository.connectedAccount(em, payout.sellerId))!;
      }
      const transfer = await ctx.gateway.transferToSeller({ sellerAccountId: account, amountMinor: payout.amountMinor, currency: payout.currency, idempotencyKey: `payout-transfer-${payout.id}`, transferGroup: `payout-${payout.id}`, metadata: { payoutId: payout.id } });
      const sent = await ctx.gateway.createPayout({ sellerAccountId: account, amountMinor: payout.amountMinor, currency: payout.currency, payoutId: payout.id, idempotencyKey: `payout-${payout.id}` });
      await markPayoutSent(em, payout.id, { transferId: transfer.providerTransferId, payoutId: sent.providerPayoutId }, ctx.now());
      ctx.log.info({ payoutId, providerPayoutId: sent.providerPayoutId }, 'payout sent');
    } catch (err) {
      if (err instanceof GatewayError && !err.retryable) {
        ctx.log.warn({ payoutId, code: err.code, message: err.message }, 'payout refused by the provider');
        await failUnsentPayout(em, payout.id, err.message, ctx.now());
        return;
      }
      throw err;
    }
  },
});
