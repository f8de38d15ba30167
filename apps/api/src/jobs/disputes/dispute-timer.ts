// The dispute machine's timers: SLA at risk (75 %), SLA breach, and the close after resolution.
// Each runs once for the state visit that scheduled it (see fireDisputeTimer).
import { z } from 'zod';
import { fireDisputeTimer } from '../../services/disputes/dispute-automation.js';
import { disputeTimerJobName } from '../../services/disputes/dispute-aggregate.js';
import { disputeSettingsFrom } from '../../services/disputes/dispute-settings.js';
import { defineJob } from '../job-definition.js';

export const disputeTimerJob = defineJob({
  id: disputeTimerJobName,
  queue: 'catalog',
  schema: z.object({ disputeId: z.string().uuid(), command: z.enum(['sla_at_risk', 'sla_breach', 'close']), state: z.string().min(1), enteredAt: z.string().datetime() }),
  async handle(ctx, data) {
    const outcome = await fireDisputeTimer(ctx.db.orm.em.fork(), data, disputeSettingsFrom(ctx.config), ctx.now());
    ctx.log.info({ ...data, outcome }, 'dispute timer');
  },
});
