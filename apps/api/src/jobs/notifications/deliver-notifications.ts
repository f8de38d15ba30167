// Turns a notifiable outbox event into notifications: in the app (the bell, live on `user:{id}`)
// and by email, as each person's preferences say (both on by default). Retries send nothing twice:
// the notification row and the sent-mail record are both keyed by (event, person, kind).
import { SentMail } from '@marketdesk/db';
import { outboxRepository } from '../../repositories/outbox-repository.js';
import { notificationRepository } from '../../repositories/notification-repository.js';
import { sentMailRepository } from '../../repositories/sent-mail-repository.js';
import { userRepository } from '../../repositories/user-repository.js';
import { notificationsFor } from '../../services/notifications/notification-rules.js';
import { recordEvent } from '../../services/outbox/record-event.js';
import { defineJob } from '../job-definition.js';

export const deliverNotificationsJob = defineJob('notifications.deliver', {
  async handle(ctx, { outboxId }) {
    const em = ctx.db.orm.em.fork();
    const event = await outboxRepository.nameAndPayload(em, outboxId);
    if (!event) return;
    const planned = await notificationsFor(ctx.db, event.name, event.payload);
    for (const n of planned) {
      const prefs = (await notificationRepository.preferences(em, n.userId)).get(n.kind) ?? { inApp: true, email: true };
      const dedupeKey = `${outboxId}:${n.userId}:${n.kind}`;
      const now = ctx.now();
      if (prefs.inApp) {
        await em.transactional(async (tx) => {
          const id = await notificationRepository.insertOnce(tx, { ...n, dedupeKey, now });
          if (id) await recordEvent(tx, { stream: `user:${n.userId}`, name: 'notification.created', payload: { notificationId: id, userId: n.userId, kind: n.kind, title: n.title, link: n.link }, rooms: [`user:${n.userId}`], actorId: null, now });
        });
      }
      if (prefs.email && !(await sentMailRepository.findByDedupeKey(em, `notify:${dedupeKey}`))) {
        const user = await userRepository.findById(em, n.userId);
        if (!user) continue;
        const mail = new SentMail();
        Object.assign(mail, { dedupeKey: `notify:${dedupeKey}`, toAddress: user.email, subject: n.title, template: `notify.${n.kind}`, textBody: `Hi ${user.displayName},\n\n${n.body}\n\n— Marketdesk\n\nYou can choose which emails you get under Account → Notifications.`, transport: ctx.mailer.kind, userId: user.id });
        const { location } = await ctx.mailer.send({ id: mail.id, to: mail.toAddress, subject: mail.subject, text: mail.textBody });
        mail.location = location;
        mail.sentAt = ctx.now();
        await em.transactional(async (tx) => {
          sentMailRepository.add(tx, mail);
          await recordEvent(tx, { stream: `mail:${mail.id}`, name: 'mail.sent', payload: { mailId: mail.id, template: mail.template, subject: mail.subject }, rooms: ['team:all'], actorId: null, now: mail.sentAt! });
        });
      }
    }
  },
});
