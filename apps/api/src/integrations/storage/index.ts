// Picks the storage adapter from configuration: an S3 bucket when S3_BUCKET is set, else the local disk.
import type { StorageEnv } from './config.js';
import { LocalDiskStorage } from './local-disk-storage.js';
import { S3Storage, s3StorageConfigFrom } from './s3-storage.js';
import type { StoragePort } from './storage-port.js';

export * from './config.js';
export * from './storage-port.js';
export { LocalDiskStorage } from './local-disk-storage.js';
export { S3Storage, s3StorageConfigFrom, s3ClientConfig, type S3StorageConfig } from './s3-storage.js';

export function createStorage(env: StorageEnv): StoragePort {
  const s3 = s3StorageConfigFrom(env);
  return s3 ? new S3Storage(s3) : new LocalDiskStorage(env.UPLOAD_DIR);
}
