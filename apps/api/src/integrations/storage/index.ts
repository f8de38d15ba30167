// Picks the storage adapter from configuration.
import type { StorageEnv } from './config.js';
import { LocalDiskStorage } from './local-disk-storage.js';
import type { StoragePort } from './storage-port.js';

export * from './config.js';
export * from './storage-port.js';
export { LocalDiskStorage } from './local-disk-storage.js';

export function createStorage(env: StorageEnv): StoragePort {
  return new LocalDiskStorage(env.UPLOAD_DIR);
}
