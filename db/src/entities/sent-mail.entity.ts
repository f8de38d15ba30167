// Every email the system sent, so staff can see what went out (console "Sent mail").
import { randomUUID } from 'node:crypto';
import { EntitySchema } from '@mikro-orm/core';

export class SentMail {
  id: string = randomUUID();
  /** Idempotency: one mail per (template, key), e.g. the welcome mail per user. */
  dedupeKey!: string;
  toAddress!: string;
  subject!: string;
  template!: string;
  textBody!: string;
  transport!: 'smtp' | 'file';
  /** For the file transport: where the .eml was written. */
  location: string | null = null;
  userId: string | null = null;
  sentAt: Date = new Date();
}

export const SentMailSchema = new EntitySchema<SentMail>({
  class: SentMail,
  tableName: 'sent_mails',
  properties: {
    id: { type: 'uuid', primary: true },
    dedupeKey: { type: 'string', length: 200, unique: true },
    toAddress: { type: 'string', length: 254 },
    subject: { type: 'string', length: 200 },
    template: { type: 'string', length: 80 },
    textBody: { type: 'text' },
    transport: { type: 'string', length: 10 },
    location: { type: 'text', nullable: true },
    userId: { type: 'uuid', nullable: true, index: true },
    sentAt: { type: 'datetime', columnType: 'timestamptz', index: true },
  },
});
