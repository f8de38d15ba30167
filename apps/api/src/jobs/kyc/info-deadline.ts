// The kyc machine's information deadline: a seller who was asked for more and did not answer in
// time is rejected (the check can be started again). Stale timers (answered, re-asked) are ignored.
import { lapseKyc } from '../../services/kyc/decide-kyc.js';
import { defineJob } from '../job-definition.js';

export const kycInfoDeadlineJob = defineJob('kyc.infoDeadline', {
  async handle(ctx, data) {
    const outcome = await lapseKyc(ctx.db.orm.em.fork(), data, ctx.now());
    ctx.log.info({ ...data, outcome }, 'kyc information deadline');
  },
});
