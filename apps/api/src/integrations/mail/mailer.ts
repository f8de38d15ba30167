// Outgoing mail through nodemailer: SMTP when SMTP_URL is set, otherwise .eml files on disk, which a
// developer can open in any mail client.
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import nodemailer from 'nodemailer';

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

export function createMailer(options: { smtpUrl?: string | undefined; mailDir: string; from: string }): Mailer {
  if (options.smtpUrl) {
    const transport = nodemailer.createTransport(options.smtpUrl);
    return {
      kind: 'smtp',
      async send(mail) {
        await transport.sendMail({ from: options.from, to: mail.to, subject: mail.subject, text: mail.text, messageId: `<${mail.id}@marketdesk>` });
        return { location: null };
      },
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const dir = resolve(options.mailDir);
  return {
    kind: 'file',
    async send(mail) {
      const info = await transport.sendMail({ from: options.from, to: mail.to, subject: mail.subject, text: mail.text });
      await mkdir(dir, { recursive: true });
      const location = join(dir, `${mail.id}.eml`);
      await writeFile(location, info.message as Buffer);
      return { location };
    },
  };
}
