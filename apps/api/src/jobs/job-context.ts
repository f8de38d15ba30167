// What every job handler receives, built the same way in the worker process and in-process workers.
import type { Logger } from 'pino';
import type { Database } from '@marketdesk/db';
import type { Config } from '../env.js';
import { createMailer } from '../integrations/mail/mailer.js';
import { createStorage } from '../integrations/storage/index.js';
import type { PaymentGateway } from '../integrations/stripe/payment-gateway.js';
import type { JobContext } from './job-definition.js';

/** `gateway`: the process's payment gateway (paymentGatewayFrom(config)), null without payments. */
export function createJobContext(config: Config, db: Database, log: Logger, gateway: PaymentGateway | null): JobContext {
  return {
    config,
    db,
    log,
    mailer: createMailer({ smtpUrl: config.SMTP_URL, mailDir: config.MAIL_DIR, from: config.MAIL_FROM }),
    storage: createStorage(config),
    gateway,
    now: () => new Date(),
  };
}
