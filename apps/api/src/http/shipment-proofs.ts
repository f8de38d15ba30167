// Proof of shipment (a photo of the receipt or a PDF label), private to the order's parties:
//   POST /uploads/shipment-proofs      multipart `file`; sellers (orders.ship); JPEG/PNG/WebP/PDF
//   GET  /files/orders/:id/shipment-proof  the order's buyer, seller and staff only
// Every file passes the virus-scan hook before it is stored.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { can, hasGrant } from '@marketdesk/domain';
import { checkoutRepository } from '../repositories/checkout-repository.js';
import { fileUploadRepository } from '../repositories/file-upload-repository.js';
import { inspectImage } from '../services/media/inspect-image.js';
import { fail, readSingleFile, type UploadRouteDeps } from './uploads.js';

const pdfMagic = Buffer.from('%PDF-');
const orderParams = z.object({ id: z.string().uuid() });

export function registerShipmentProofRoutes(scope: FastifyInstance, deps: UploadRouteDeps) {
  scope.post('/uploads/shipment-proofs', (req, reply) => postProof(req, reply, deps));
  scope.get('/files/orders/:id/shipment-proof', (req, reply) => getProof(req, reply, deps));
}

async function detect(bytes: Buffer): Promise<{ ext: string; contentType: string } | null> {
  if (bytes.subarray(0, pdfMagic.length).equals(pdfMagic)) return { ext: 'pdf', contentType: 'application/pdf' };
  const image = await inspectImage(bytes);
  return image.ok ? { ext: image.image.ext, contentType: image.image.contentType } : null;
}

async function postProof(req: FastifyRequest, reply: FastifyReply, deps: UploadRouteDeps) {
  const actor = await deps.authenticate(req);
  if (!actor) return fail(reply, 'UNAUTHORIZED', 'Sign in to upload a proof of shipment.');
  if (!hasGrant(actor, 'orders.ship')) return fail(reply, 'FORBIDDEN', 'Only sellers can upload a proof of shipment.');
  if (!req.isMultipart()) return fail(reply, 'BAD_REQUEST', 'Send the file as multipart/form-data in a field named "file".');
  const bytes = await readSingleFile(req, reply, deps.config.UPLOAD_MAX_BYTES, 'file');
  if (!bytes) return reply;
  const type = await detect(bytes);
  if (!type) return fail(reply, 'UNSUPPORTED_MEDIA_TYPE', 'A proof of shipment must be a PDF or a JPEG, PNG or WebP image.');
  let verdict;
  try {
    verdict = await deps.scanner.scan(bytes);
  } catch (err) {
    req.log.error({ err: (err as Error).message }, 'virus scan failed');
    return fail(reply, 'UNAVAILABLE', 'The file could not be checked for viruses right now. Try again shortly.');
  }
  if (verdict.status === 'infected') {
    req.log.warn({ signature: verdict.signature, owner: actor.id }, 'infected upload refused');
    return fail(reply, 'UNSUPPORTED_MEDIA_TYPE', 'This file was refused: the virus scanner flagged it.');
  }
  const id = randomUUID();
  const storageKey = `shipment-proofs/${id}.${type.ext}`;
  await deps.storage.put(storageKey, bytes, type.contentType);
  await fileUploadRepository.insert(deps.db.orm.em.fork(), { id, ownerId: actor.id, purpose: 'shipment_proof', storageKey, contentType: type.contentType, bytes: bytes.length, scan: verdict.status, now: new Date() });
  return reply.code(201).send({ id, contentType: type.contentType, bytes: bytes.length, scan: verdict.status });
}

async function getProof(req: FastifyRequest, reply: FastifyReply, deps: UploadRouteDeps) {
  const actor = await deps.authenticate(req);
  if (!actor) return fail(reply, 'UNAUTHORIZED', 'Sign in to see this file.');
  const params = orderParams.safeParse(req.params);
  const order = params.success ? await checkoutRepository.findOrder(deps.db.orm.em.fork(), params.data.id) : null;
  // Someone else's order answers like a missing one.
  if (!order || !can(actor, 'orders.view', { kind: 'order', buyerId: order.buyerId, sellerId: order.sellerId }) || !order.shipmentProofKey) return fail(reply, 'NOT_FOUND', 'No proof of shipment for this order.');
  const found = await deps.storage.get(order.shipmentProofKey);
  if (!found) return fail(reply, 'NOT_FOUND', 'No proof of shipment for this order.');
  return reply
    .header('content-type', found.contentType)
    .header('content-disposition', `inline; filename="shipment-proof-${order.number}.${order.shipmentProofKey.split('.').pop()}"`)
    .header('cache-control', 'private, max-age=300')
    .header('x-content-type-options', 'nosniff')
    .send(found.body);
}
