// A listing's deal window ended: the listing machine archives it. Ignored when the seller changed
// the window since the timer was set, or the listing is already gone.
import { systemActor } from '@marketdesk/domain';
import { listingRepository } from '../../repositories/listing-repository.js';
import { runCommand } from '../../services/machines/pipeline.js';
import { listingAggregate } from '../../services/listings/listing-aggregate.js';
import { defineJob } from '../job-definition.js';

export const dealExpiryJob = defineJob('listing.dealExpiry', {
  async handle(ctx, { listingId, dealEndsAt }) {
    const now = ctx.now();
    await ctx.db.orm.em.fork().transactional(async (tx) => {
      const listing = await listingRepository.findById(tx, listingId, { forUpdate: true });
      if (!listing || listing.dealEndsAt?.toISOString() !== dealEndsAt || listing.dealEndsAt > now) return;
      if (!['active', 'paused', 'sold_out'].includes(listing.state)) return;
      await runCommand(tx, listingAggregate, listing, { type: 'expire_deal' }, systemActor, now, { options: undefined });
    });
  },
});
