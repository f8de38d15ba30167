// Proof of shipment (a photo of the receipt or a PDF label), private to the order's parties:
//   POST /uploads/shipment-proofs      multipart `file`; sellers (orders.ship); JPEG/PNG/WebP/PDF
//   GET  /files/orders/:id/shipment-proof  the order's buyer, seller and staff only
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { can } from '@marketdesk/domain';
import { checkoutRepository } from '../repositories/checkout-repository.js';
import { receivePrivateFile, sendPrivateFile } from './private-files.js';
import type { UploadRouteDeps } from './route-deps.js';
import { fail } from './route-replies.js';

const orderParams = z.object({ id: z.string().uuid() });
const proof = { purpose: 'shipment_proof', permission: 'orders.ship', keyPrefix: 'shipment-proofs', noun: 'a proof of shipment', who: 'sellers' } as const;

export function registerShipmentProofRoutes(scope: FastifyInstance, deps: UploadRouteDeps) {
  scope.post('/uploads/shipment-proofs', (req, reply) => receivePrivateFile(req, reply, deps, proof));
  scope.get('/files/orders/:id/shipment-proof', (req, reply) => getProof(req, reply, deps));
}

async function getProof(req: FastifyRequest, reply: FastifyReply, deps: UploadRouteDeps) {
  const actor = await deps.authenticate(req);
  if (!actor) return fail(reply, 'UNAUTHORIZED', 'Sign in to see this file.');
  const params = orderParams.safeParse(req.params);
  const order = params.success ? await checkoutRepository.findOrder(deps.db.orm.em.fork(), params.data.id) : null;
  // Someone else's order answers like a missing one.
  if (!order || !can(actor, 'orders.view', { kind: 'order', buyerId: order.buyerId, sellerId: order.sellerId }) || !order.shipmentProofKey) return fail(reply, 'NOT_FOUND', 'No proof of shipment for this order.');
  return sendPrivateFile(reply, deps, order.shipmentProofKey, `shipment-proof-${order.number}`, 'No proof of shipment for this order.');
}
