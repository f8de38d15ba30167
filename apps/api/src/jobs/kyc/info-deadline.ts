// The kyc machine's information deadline: a seller who was asked for more and did not answer in
// time is rejected (the check can be started again). Stale timers (answered, re-asked) are ignored.
import { z } from 'zod';
import { lapseKyc } from '../../services/kyc/decide-kyc.js';
import { kycInfoDeadlineJobName } from '../../services/kyc/kyc-aggregate.js';
import { defineJob } from '../job-definition.js';

export const kycInfoDeadlineJob = defineJob({
  id: kycInfoDeadlineJobName,
  queue: 'catalog',
  schema: z.object({ kycId: z.string().uuid(), dueAt: z.string().datetime() }),
  async handle(ctx, data) {
    const outcome = await lapseKyc(ctx.db.orm.em.fork(), data, ctx.now());
    ctx.log.info({ ...data, outcome }, 'kyc information deadline');
  },
});
