// Both transports of the mailer, each through the nodemailer it loads on its first send: .eml files
// on disk without SMTP_URL, and a real SMTP conversation with SMTP_URL (a minimal server here).
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createMailer } from './mailer.js';

const dir = mkdtempSync(join(tmpdir(), 'md-mailer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const mail = (id: string) => ({ id, to: 'buyer@example.test', subject: 'Your order shipped', text: 'It is on its way.' });

describe('without SMTP_URL', () => {
  it('writes each mail as an .eml file named by its id', async () => {
    const mailer = createMailer({ mailDir: dir, from: 'Marketdesk <no-reply@marketdesk.test>' });
    expect(mailer.kind).toBe('file');
    for (const id of ['m-1', 'm-2']) {
      const { location } = await mailer.send(mail(id));
      expect(location).toBe(join(dir, `${id}.eml`));
      const eml = readFileSync(location!, 'utf8');
      expect(eml).toContain('To: buyer@example.test');
      expect(eml).toContain('From: Marketdesk <no-reply@marketdesk.test>');
      expect(eml).toContain('Subject: Your order shipped');
      expect(eml).toContain('It is on its way.');
    }
  });
});

/** Just enough SMTP (RFC 5321, no extensions) to take messages: what each connection delivered. */
async function smtpServer() {
  const received: { from: string; to: string[]; data: string }[] = [];
  const server = createServer((socket: Socket) => {
    let buffer = '';
    let inData = false;
    let current = { from: '', to: [] as string[], data: '' };
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply('220 test ESMTP');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          current.data = buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          inData = false;
          received.push(current);
          current = { from: '', to: [], data: '' };
          reply('250 queued');
          continue;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol < 0) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'MAIL') current.from = line.slice('MAIL FROM:'.length).trim();
        if (verb === 'RCPT') current.to.push(line.slice('RCPT TO:'.length).trim());
        if (verb === 'DATA') inData = true;
        if (verb === 'QUIT') {
          reply('221 bye');
          socket.end();
          return;
        }
        reply(verb === 'DATA' ? '354 go ahead' : '250 ok');
      }
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { received, url: `smtp://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

describe('with SMTP_URL', () => {
  it('sends each mail to the SMTP server, with the configured sender and the mail id as Message-ID', async () => {
    const smtp = await smtpServer();
    try {
      const mailer = createMailer({ smtpUrl: smtp.url, mailDir: dir, from: 'Marketdesk <no-reply@marketdesk.test>' });
      expect(mailer.kind).toBe('smtp');
      expect(await mailer.send(mail('s-1'))).toEqual({ location: null });
      expect(await mailer.send(mail('s-2'))).toEqual({ location: null });
      expect(smtp.received).toHaveLength(2);
      expect(smtp.received[0]).toMatchObject({ from: '<no-reply@marketdesk.test>', to: ['<buyer@example.test>'] });
      expect(smtp.received[0]!.data).toContain('Message-ID: <s-1@marketdesk>');
      expect(smtp.received[1]!.data).toContain('Message-ID: <s-2@marketdesk>');
      expect(smtp.received[0]!.data).toContain('It is on its way.');
    } finally {
      smtp.close();
    }
  });
});
