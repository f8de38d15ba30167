// Account emails (verify your address, reset your password, your password changed, someone tried to
// register with your address). Sent from the request's process, after the answer is decided, and
// never awaited by the answer: how long a mail takes must not reveal whether an account exists.
// The sent-mail record keeps the link only for the file transport (development, tests); with SMTP
// the record says the link was withheld, so staff reading "Sent mail" cannot take over accounts.
import { randomUUID } from 'node:crypto';
import { SentMail, type Database } from '@marketdesk/db';
import type { FastifyBaseLogger } from 'fastify';
import type { Mailer } from '../../integrations/mail/mailer.js';
import { sentMailRepository } from '../../repositories/sent-mail-repository.js';

export interface AccountMail {
  template: 'verify_email' | 'password_reset' | 'password_changed' | 'account_exists' | 'two_factor_changed';
  to: string;
  userId: string | null;
  subject: string;
  lines: string[];
  /** A secret link: written to the .eml, never into the stored record with SMTP. */
  link?: string;
}

export interface AccountMailer {
  send(mail: AccountMail): void;
  /** Resolves when every mail started so far has been written (tests, shutdown). */
  drain(): Promise<void>;
}

export function createAccountMailer(deps: { db: Database; mailer: Mailer; log: () => FastifyBaseLogger | null }): AccountMailer {
  const inFlight = new Set<Promise<void>>();
  async function deliver(mail: AccountMail) {
    const id = randomUUID();
    const text = [...mail.lines, ...(mail.link ? ['', mail.link] : []), '', '— The Marketdesk team'].join('\n');
    const { location } = await deps.mailer.send({ id, to: mail.to, subject: mail.subject, text });
    const record = new SentMail();
    Object.assign(record, {
      id,
      dedupeKey: `${mail.template}:${id}`,
      toAddress: mail.to,
      subject: mail.subject,
      template: mail.template,
      textBody: deps.mailer.kind === 'file' ? text : text.replace(mail.link ?? '\u0000', '[link withheld: sent by SMTP]'),
      transport: deps.mailer.kind,
      location,
      userId: mail.userId,
      sentAt: new Date(),
    });
    const em = deps.db.orm.em.fork();
    sentMailRepository.add(em, record);
    await em.flush();
  }
  return {
    send(mail) {
      const p = deliver(mail).catch((err: Error) => deps.log()?.error({ err: err.message, template: mail.template }, 'account mail failed'));
      inFlight.add(p);
      void p.finally(() => inFlight.delete(p));
    },
    async drain() {
      await Promise.all([...inFlight]);
    },
  };
}
