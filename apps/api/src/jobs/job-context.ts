// What every job handler receives, built the same way in the worker process and in-process workers.
import type { Logger } from 'pino';
import type { Database } from '@marketdesk/db';
import type { Config } from '../env.js';
import { createMailer } from '../integrations/mail/mailer.js';
import { createStorage } from '../integrations/storage/index.js';
import { StripeGateway, stripeGatewayConfigFrom } from '../integrations/stripe/index.js';
import type { PaymentGateway } from '../integrations/stripe/payment-gateway.js';
import type { JobContext } from './job-definition.js';

export function createJobContext(config: Config, db: Database, log: Logger, gateway?: PaymentGateway | null): JobContext {
  const stripe = stripeGatewayConfigFrom(config);
  return {
    config,
    db,
    log,
    mailer: createMailer({ smtpUrl: config.SMTP_URL, mailDir: config.MAIL_DIR, from: config.MAIL_FROM }),
    storage: createStorage(config),
    gateway: gateway !== undefined ? gateway : stripe ? new StripeGateway(stripe) : null,
    now: () => new Date(),
  };
}
