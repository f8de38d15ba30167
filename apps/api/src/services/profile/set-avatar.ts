// A profile photo: accepted by what the bytes are (JPEG, PNG or WebP, never by name), turned into a
// 256 px square WebP (which also drops EXIF, e.g. GPS position), stored under a fresh random name in
// the public avatars/ folder; the previous photo is deleted.
import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@marketdesk/db';
import { AppError } from '../../errors/app-error.js';
import type { StoragePort } from '../../integrations/storage/storage-port.js';
import { userRepository } from '../../repositories/user-repository.js';
import { avatarFolder } from '../media/image-keys.js';
import { imageUrl } from '../media/image-urls.js';
import { inspectImage } from '../media/inspect-image.js';
import { loadSharp } from '../media/load-sharp.js';

export const avatarSizePx = 256;
export const avatarMaxBytes = 5 * 1024 * 1024;

export const avatarUrlOf = (key: string | null) => (key ? imageUrl(key) : null);

export async function setAvatar(em: EntityManager, storage: StoragePort, userId: string, bytes: Buffer) {
  const inspected = await inspectImage(bytes);
  if (!inspected.ok) throw new AppError('BAD_REQUEST', inspected.message, { reason: inspected.reason });
  const sharp = await loadSharp();
  const webp = await sharp(bytes).rotate().resize(avatarSizePx, avatarSizePx, { fit: 'cover' }).webp({ quality: 85 }).toBuffer();
  const user = await userRepository.findById(em, userId);
  if (!user) throw new AppError('UNAUTHORIZED', 'Please sign in again.');
  const key = `${avatarFolder}/${user.id}-${randomBytes(8).toString('hex')}.webp`;
  await storage.put(key, webp, 'image/webp');
  const previous = user.avatarKey;
  user.avatarKey = key;
  await em.flush();
  if (previous) await storage.delete(previous).catch(() => undefined);
  return { avatarUrl: avatarUrlOf(key) };
}
