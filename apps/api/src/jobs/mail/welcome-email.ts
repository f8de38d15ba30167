// The welcome email after registration. Idempotent: a retried job finds the sent record and stops.
import { teamRoom } from '@marketdesk/domain';
import { SentMail } from '@marketdesk/db';
import { userRepository } from '../../repositories/user-repository.js';
import { sentMailRepository } from '../../repositories/sent-mail-repository.js';
import { recordEvent } from '../../services/outbox/record-event.js';
import { defineJob } from '../job-definition.js';

export const welcomeEmailJob = defineJob('mail.welcome', {
  async handle(ctx, { userId }) {
    const em = ctx.db.orm.em.fork();
    const dedupeKey = `welcome:${userId}`;
    if (await sentMailRepository.findByDedupeKey(em, dedupeKey)) return;
    const user = await userRepository.findById(em, userId);
    if (!user) return ctx.log.warn({ userId }, 'welcome email skipped: user no longer exists');
    const mail = new SentMail();
    Object.assign(mail, {
      dedupeKey,
      toAddress: user.email,
      subject: `Welcome to Marketdesk, ${user.displayName}`,
      template: 'welcome',
      textBody: [
        `Hi ${user.displayName},`,
        '',
        'Your Marketdesk account is ready. Browse the storefront, save what you like and check out securely.',
        user.roles.includes('seller') ? 'As a seller you can list goods and follow your orders live in the console.' : '',
        '',
        '— The Marketdesk team',
      ].filter((l, i, all) => l !== '' || all[i - 1] !== '').join('\n'),
      transport: ctx.mailer.kind,
      userId: user.id,
    });
    // Sent before it is recorded: a crash in between re-sends once rather than never sending.
    const { location } = await ctx.mailer.send({ id: mail.id, to: mail.toAddress, subject: mail.subject, text: mail.textBody });
    mail.location = location;
    mail.sentAt = ctx.now();
    await em.transactional(async (tx) => {
      sentMailRepository.add(tx, mail);
      await recordEvent(tx, {
        stream: `mail:${mail.id}`,
        name: 'mail.sent',
        payload: { mailId: mail.id, template: mail.template, subject: mail.subject },
        rooms: [teamRoom],
        actorId: null,
        now: mail.sentAt,
      });
    });
  },
});
