// Private documents (proofs of shipment, KYC documents): the upload side — signed-in person with the
// right permission, multipart `file`, type sniffed from the bytes (PDF or JPEG/PNG/WebP), size
// capped, virus-scan hook — and the download side, never cached publicly, never sniffed.
import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { hasGrant, type Permission } from '@marketdesk/domain';
import { fileUploadRepository, type FilePurpose } from '../repositories/file-upload-repository.js';
import { inspectImage } from '../services/media/inspect-image.js';
import type { UploadRouteDeps } from './route-deps.js';
import { fail, readSingleFile } from './route-replies.js';

const pdfMagic = Buffer.from('%PDF-');

async function detect(bytes: Buffer): Promise<{ ext: string; contentType: string } | null> {
  if (bytes.subarray(0, pdfMagic.length).equals(pdfMagic)) return { ext: 'pdf', contentType: 'application/pdf' };
  const image = await inspectImage(bytes);
  return image.ok ? { ext: image.image.ext, contentType: image.image.contentType } : null;
}

export interface PrivateFileKind {
  purpose: FilePurpose;
  permission: Permission;
  keyPrefix: string;
  /** "a proof of shipment", "a KYC document" */
  noun: string;
  /** Who may upload, for the refusal: "sellers" */
  who: string;
}

export async function receivePrivateFile(req: FastifyRequest, reply: FastifyReply, deps: UploadRouteDeps, kind: PrivateFileKind) {
  const actor = await deps.authenticate(req);
  if (!actor) return fail(reply, 'UNAUTHORIZED', `Sign in to upload ${kind.noun}.`);
  if (!hasGrant(actor, kind.permission)) return fail(reply, 'FORBIDDEN', `Only ${kind.who} can upload ${kind.noun}.`);
  if (!req.isMultipart()) return fail(reply, 'BAD_REQUEST', 'Send the file as multipart/form-data in a field named "file".');
  const bytes = await readSingleFile(req, reply, deps.config.UPLOAD_MAX_BYTES, 'file');
  if (!bytes) return reply;
  const type = await detect(bytes);
  if (!type) return fail(reply, 'UNSUPPORTED_MEDIA_TYPE', `${kind.noun[0]!.toUpperCase()}${kind.noun.slice(1)} must be a PDF or a JPEG, PNG or WebP image.`);
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
  const storageKey = `${kind.keyPrefix}/${id}.${type.ext}`;
  await deps.storage.put(storageKey, bytes, type.contentType);
  await fileUploadRepository.insert(deps.db.orm.em.fork(), { id, ownerId: actor.id, purpose: kind.purpose, storageKey, contentType: type.contentType, bytes: bytes.length, scan: verdict.status, now: new Date() });
  return reply.code(201).send({ id, contentType: type.contentType, bytes: bytes.length, scan: verdict.status });
}

export async function sendPrivateFile(reply: FastifyReply, deps: UploadRouteDeps, storageKey: string, filename: string, missing: string) {
  const found = await deps.storage.get(storageKey);
  if (!found) return fail(reply, 'NOT_FOUND', missing);
  return reply
    .header('content-type', found.contentType)
    .header('content-disposition', `inline; filename="${filename}.${storageKey.split('.').pop()}"`)
    .header('cache-control', 'private, max-age=300')
    .header('x-content-type-options', 'nosniff')
    .send(found.body);
}
