import { CategorySchema } from './category.entity.js';
import { LedgerAccountSchema } from './ledger-account.entity.js';
import { LedgerPostingSchema } from './ledger-posting.entity.js';
import { LedgerTransferSchema } from './ledger-transfer.entity.js';
import { OutboxEventSchema } from './outbox-event.entity.js';
import { ProviderWebhookEventSchema } from './provider-webhook-event.entity.js';
import { SentMailSchema } from './sent-mail.entity.js';
import { SessionSchema } from './session.entity.js';
import { StreamSequenceSchema } from './stream-sequence.entity.js';
import { UserSchema } from './user.entity.js';

export * from './category.entity.js';
export * from './ledger-account.entity.js';
export * from './ledger-posting.entity.js';
export * from './ledger-transfer.entity.js';
export * from './outbox-event.entity.js';
export * from './provider-webhook-event.entity.js';
export * from './sent-mail.entity.js';
export * from './session.entity.js';
export * from './stream-sequence.entity.js';
export * from './user.entity.js';

export const entities = [
  UserSchema,
  SessionSchema,
  OutboxEventSchema,
  StreamSequenceSchema,
  SentMailSchema,
  CategorySchema,
  LedgerAccountSchema,
  LedgerTransferSchema,
  LedgerPostingSchema,
  ProviderWebhookEventSchema,
];
