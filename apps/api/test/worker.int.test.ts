// The job path: registration → outbox → BullMQ → worker → .eml file + sent-mail record + event.
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { pino } from 'pino';
import { SentMail } from '@marketdesk/db';
import { welcomeEmailJob } from '../src/jobs/mail/welcome-email.js';
import { createJobContext } from '../src/jobs/job-context.js';
import { createMailer } from '../src/integrations/mail/mailer.js';
import { client, registerUser, startApi, type RunningApi } from './harness.js';

let api: RunningApi;
beforeAll(async () => {
  api = await startApi({ WORKER_IN_PROCESS: 'true' });
});
afterAll(async () => {
  await api.close();
});

/** The welcome mail only (registration also sends the address confirmation). */
async function mailsFor(userId: string) {
  return api.app.db.orm.em.fork().find(SentMail, { userId, template: 'welcome' });
}

it('sends the welcome email once, as a file, and shows it to admins', async () => {
  const user = await registerUser(api, { displayName: 'Wendy Welcome' });
  let mails: SentMail[] = [];
  for (let i = 0; i < 100 && mails.length === 0; i++) {
    await new Promise((r) => setTimeout(r, 100));
    mails = await mailsFor(user.id);
  }
  expect(mails).toHaveLength(1);
  const mail = mails[0]!;
  expect(mail.subject).toBe('Welcome to Marketdesk, Wendy Welcome');
  expect(existsSync(mail.location!)).toBe(true);
  expect(readFileSync(mail.location!, 'utf8')).toContain(`To: ${user.email}`);

  // A retried job is a no-op.
  const ctx = { ...createJobContext(api.app.services.config, api.app.db, pino({ level: 'silent' }), api.app.gateway), mailer: createMailer({ mailDir: api.app.services.config.MAIL_DIR, from: 'x@y.z' }) };
  await welcomeEmailJob.handle(ctx, { userId: user.id });
  expect(await mailsFor(user.id)).toHaveLength(1);

  const admin = await registerUser(api, { roles: ['admin'] });
  const listed = await client(api).mail.listSent.query({ limit: 200 }, { cookie: admin.cookie });
  expect(listed.data?.some((m) => m.toAddress === user.email)).toBe(true);
});
