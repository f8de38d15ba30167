// The dispute machine's timers: SLA at risk (75 %), SLA breach, and the close after resolution.
// Each runs once for the state visit that scheduled it (see fireDisputeTimer).
import { fireDisputeTimer } from '../../services/disputes/dispute-automation.js';
import { disputeSettingsFrom } from '../../services/disputes/dispute-settings.js';
import { defineJob } from '../job-definition.js';

export const disputeTimerJob = defineJob('disputes.timer', {
  async handle(ctx, data) {
    const outcome = await fireDisputeTimer(ctx.db.orm.em.fork(), data, disputeSettingsFrom(ctx.config), ctx.now());
    ctx.log.info({ ...data, outcome }, 'dispute timer');
  },
});
