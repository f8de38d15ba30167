// The submission machine's quote timer: an offer the seller has not answered in time expires.
import { expireQuote } from '../../services/submissions/respond-to-offer.js';
import { submissionSettingsFrom } from '../../services/submissions/submission-settings.js';
import { defineJob } from '../job-definition.js';

export const quoteExpiryJob = defineJob('submissions.quoteExpiry', {
  async handle(ctx, data) {
    const outcome = await expireQuote(ctx.db.orm.em.fork(), data, submissionSettingsFrom(ctx.config), ctx.now());
    ctx.log.info({ ...data, outcome }, 'submission quote timer');
  },
});
