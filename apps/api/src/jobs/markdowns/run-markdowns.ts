// The daily markdown run (see services/markdowns/run-markdowns.ts): safe to run twice — each
// listing is lowered at most once per markdown period.
import { runMarkdowns } from '../../services/markdowns/run-markdowns.js';
import { defineJob } from '../job-definition.js';

export const runMarkdownsJob = defineJob('markdowns.run', {
  async handle(ctx) {
    const result = await runMarkdowns(ctx.db.orm.em.fork(), ctx.now());
    ctx.log.info(result, 'markdown run');
  },
});
