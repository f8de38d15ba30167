// The profile photo over plain HTTP (tRPC does not carry files):
//   POST /uploads/avatar   multipart, one field `file`; any signed-in person, for themselves
// The photo is served publicly from /media/avatars/… under a random name (see set-avatar.ts).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.js';
import { avatarMaxBytes, setAvatar } from '../services/profile/set-avatar.js';
import type { UploadRouteDeps } from './route-deps.js';
import { fail, readSingleFile } from './route-replies.js';

export function registerAvatarRoutes(scope: FastifyInstance, deps: UploadRouteDeps) {
  scope.post('/uploads/avatar', (req, reply) => postAvatar(req, reply, deps));
}

async function postAvatar(req: FastifyRequest, reply: FastifyReply, deps: UploadRouteDeps) {
  const actor = await deps.authenticate(req);
  if (!actor) return fail(reply, 'UNAUTHORIZED', 'Sign in to change your photo.');
  if (!req.isMultipart()) return fail(reply, 'BAD_REQUEST', 'Send the photo as multipart/form-data in a field named "file".');
  const bytes = await readSingleFile(req, reply, Math.min(avatarMaxBytes, deps.config.UPLOAD_MAX_BYTES), 'photo');
  if (!bytes) return reply;
  try {
    return await setAvatar(deps.db.orm.em.fork(), deps.storage, actor.id, bytes);
  } catch (err) {
    if (err instanceof AppError && err.code === 'BAD_REQUEST') return fail(reply, err.details.reason === 'too_many_pixels' ? 'BAD_REQUEST' : 'UNSUPPORTED_MEDIA_TYPE', err.message);
    throw err;
  }
}
