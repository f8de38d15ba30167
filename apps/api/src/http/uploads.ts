// Listing photos over plain HTTP (tRPC does not carry files):
//   POST /uploads/listing-images      multipart, one field `file`; sellers (listings.manage) only
//   GET  /uploads/listing-images/:id  the upload's status for its owner, polled until the thumbnail is ready
//   GET  /media/:folder/:file         public, immutable files from storage (public folders only)
//   POST /uploads/shipment-proofs and GET /files/orders/:id/shipment-proof: see shipment-proofs.ts
//   POST /uploads/kyc-documents and GET /files/kyc/:checkId/documents/:id: see kyc-documents.ts
//   POST /uploads/chat-attachments and GET /files/chat/:threadId/attachments/:id: see chat-attachments.ts
// Multipart parsing is registered inside this plugin's own scope, so the tRPC routes never see it.
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { can, hasGrant } from '@marketdesk/domain';
import { AppError } from '../errors/app-error.js';
import { assertSafeKey } from '../integrations/storage/storage-port.js';
import { listingRepository } from '../repositories/listing-repository.js';
import { publicMediaFolders } from '../services/media/image-keys.js';
import { imageUrl, thumbUrl } from '../services/media/image-urls.js';
import { inspectImage } from '../services/media/inspect-image.js';
import { uploadListingImage } from '../services/media/upload-listing-image.js';
import { registerShipmentProofRoutes } from './shipment-proofs.js';
import { registerKycDocumentRoutes } from './kyc-documents.js';
import { registerChatAttachmentRoutes } from './chat-attachments.js';
import { registerDisputeEvidenceRoutes } from './dispute-evidence.js';
import { registerAvatarRoutes } from './avatar-upload.js';
import type { UploadRouteDeps } from './route-deps.js';
import { fail, readSingleFile } from './route-replies.js';

const imageIdParams = z.object({ id: z.string().uuid() });
const mediaParams = z.object({ folder: z.string(), file: z.string() });

export async function registerUploadRoutes(app: FastifyInstance, deps: UploadRouteDeps): Promise<void> {
  await app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      limits: { fileSize: deps.config.UPLOAD_MAX_BYTES, files: 1, fields: 0, parts: 1, fieldSize: 0, headerPairs: 50 },
    });
    scope.post('/uploads/listing-images', (req, reply) => postListingImage(req, reply, deps));
    scope.get('/uploads/listing-images/:id', (req, reply) => getListingImage(req, reply, deps));
    scope.get('/media/:folder/:file', (req, reply) => getMedia(req, reply, deps));
    registerShipmentProofRoutes(scope, deps);
    registerKycDocumentRoutes(scope, deps);
    registerChatAttachmentRoutes(scope, deps);
    registerDisputeEvidenceRoutes(scope, deps);
    registerAvatarRoutes(scope, deps);
  });
}

async function postListingImage(req: FastifyRequest, reply: FastifyReply, deps: UploadRouteDeps) {
  const actor = await deps.authenticate(req);
  if (!actor) return fail(reply, 'UNAUTHORIZED', 'Sign in to upload images.');
  if (!hasGrant(actor, 'listings.manage')) return fail(reply, 'FORBIDDEN', 'Only sellers can upload listing images.');
  if (!req.isMultipart()) return fail(reply, 'BAD_REQUEST', 'Send the image as multipart/form-data in a field named "file".');

  const bytes = await readSingleFile(req, reply, deps.config.UPLOAD_MAX_BYTES, 'image');
  if (!bytes) return reply;

  const inspected = await inspectImage(bytes);
  if (!inspected.ok) {
    return fail(reply, inspected.reason === 'too_many_pixels' ? 'PAYLOAD_TOO_LARGE' : 'UNSUPPORTED_MEDIA_TYPE', inspected.message);
  }
  try {
    const uploaded = await uploadListingImage(
      { em: deps.db.orm.em.fork(), storage: deps.storage, enqueue: deps.enqueue },
      { ownerId: actor.id, bytes, image: inspected.image, now: new Date() },
    );
    req.log.info({ imageId: uploaded.id, bytes: bytes.length, format: inspected.image.format }, 'listing image uploaded');
    return reply.code(201).send(uploaded);
  } catch (err) {
    if (err instanceof AppError && err.code === 'UNAVAILABLE') return fail(reply, 'UNAVAILABLE', err.message);
    if (err instanceof AppError && err.details.reason === 'CORRUPT_IMAGE') return fail(reply, 'UNSUPPORTED_MEDIA_TYPE', err.message);
    throw err;
  }
}

async function getListingImage(req: FastifyRequest, reply: FastifyReply, deps: UploadRouteDeps) {
  const actor = await deps.authenticate(req);
  if (!actor) return fail(reply, 'UNAUTHORIZED', 'Sign in to see your uploads.');
  const notFound = () => fail(reply, 'NOT_FOUND', 'No such upload.');
  const params = imageIdParams.safeParse(req.params);
  if (!params.success) return notFound();
  const image = await listingRepository.findImage(deps.db.orm.em.fork(), params.data.id);
  // Someone else's upload answers like a missing one, so ids cannot be probed.
  if (!image || !can(actor, 'listings.manage', { kind: 'listing', sellerId: image.ownerId })) return notFound();
  return reply.send({ id: image.id, status: image.status, url: imageUrl(image.storageKey), thumbUrl: thumbUrl(image) });
}

async function getMedia(req: FastifyRequest, reply: FastifyReply, deps: UploadRouteDeps) {
  const { folder, file } = mediaParams.parse(req.params);
  const key = `${folder}/${file}`;
  try {
    assertSafeKey(key);
  } catch {
    return fail(reply, 'BAD_REQUEST', 'That is not a valid media path.');
  }
  const found = publicMediaFolders.has(folder) ? await deps.storage.get(key) : null;
  if (!found) return fail(reply, 'NOT_FOUND', 'No such file.');
  return reply
    .header('content-type', found.contentType)
    .header('cache-control', 'public, max-age=31536000, immutable')
    .header('x-content-type-options', 'nosniff')
    .send(found.body);
}
