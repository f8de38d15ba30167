// Outgoing mail through nodemailer: SMTP when SMTP_URL is set, otherwise .eml files on disk, which a
// developer can open in any mail client. nodemailer loads with the first mail sent, not with the
// process: most API processes send none for a long while, and the worker only for mail jobs.
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type Nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';

export interface OutgoingMail {
  id: string;
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  kind: 'smtp' | 'file';
  send(mail: OutgoingMail): Promise<{ location: string | null }>;
}

/** One transport per mailer, made with nodemailer on the first send. */
function lazyTransport(make: (nodemailer: typeof Nodemailer) => Transporter): () => Promise<Transporter> {
  let transport: Promise<Transporter> | undefined;
  return () => (transport ??= import('nodemailer').then(({ default: nodemailer }) => make(nodemailer)));
}

export function createMailer(options: { smtpUrl?: string | undefined; mailDir: string; from: string }): Mailer {
  const { smtpUrl } = options;
  if (smtpUrl) {
    const transport = lazyTransport((nodemailer) => nodemailer.createTransport(smtpUrl));
    return {
      kind: 'smtp',
      async send(mail) {
        await (await transport()).sendMail({ from: options.from, to: mail.to, subject: mail.subject, text: mail.text, messageId: `<${mail.id}@marketdesk>` });
        return { location: null };
      },
    };
  }
  const transport = lazyTransport((nodemailer) => nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' }));
  const dir = resolve(options.mailDir);
  return {
    kind: 'file',
    async send(mail) {
      const info = await (await transport()).sendMail({ from: options.from, to: mail.to, subject: mail.subject, text: mail.text });
      await mkdir(dir, { recursive: true });
      const location = join(dir, `${mail.id}.eml`);
      await writeFile(location, info.message as Buffer);
      return { location };
    },
  };
}
