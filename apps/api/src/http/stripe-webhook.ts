// POST /webhooks/stripe: the raw body is kept for signature verification, then the event is
// recorded once. 400 for a bad signature (Stripe will not retry those); 200 for duplicates.
import type { FastifyInstance } from 'fastify';
import type { Database } from '@marketdesk/db';
import { GatewayError, type PaymentGateway } from '../integrations/stripe/index.js';
import { receiveWebhook } from '../services/payments/receive-webhook.js';

export async function registerStripeWebhook(app: FastifyInstance, deps: { gateway: PaymentGateway; db: Database }) {
  await app.register(async (scope) => {
    scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    scope.post('/webhooks/stripe', async (req, reply) => {
      const signature = req.headers['stripe-signature'];
      let event;
      try {
        event = deps.gateway.parseWebhook(req.body as Buffer, typeof signature === 'string' ? signature : '');
      } catch (err) {
        if (err instanceof GatewayError) return reply.code(400).send({ error: { code: 'BAD_REQUEST', message: err.message } });
        throw err;
      }
      const result = await receiveWebhook(deps.db.orm.em.fork(), 'stripe', event, new Date());
      req.log.info({ eventId: event.eventId, type: event.type, duplicate: result.duplicate }, 'stripe webhook');
      return reply.send({ received: true, duplicate: result.duplicate });
    });
  });
}
