// Storage configuration, merged into apps/api/src/env.ts. Without S3_BUCKET files go to UPLOAD_DIR.
import { z } from 'zod';

export const storageConfigSchema = z.object({
  UPLOAD_DIR: z.string().min(1).default('./.data/uploads'),
  /** Largest accepted upload, in bytes. */
  UPLOAD_MAX_BYTES: z.coerce.number().int().positive().max(50 * 1024 * 1024).default(8 * 1024 * 1024),
  S3_BUCKET: z.string().min(3).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  /** For S3-compatible services (MinIO, R2…): e.g. http://127.0.0.1:9000 */
  S3_ENDPOINT: z.string().url().optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** ClamAV daemon for scanning private uploads (shipment proofs); unset: files are marked unscanned. */
  CLAMD_HOST: z.string().min(1).optional(),
  CLAMD_PORT: z.coerce.number().int().min(1).max(65535).default(3310),
});

export type StorageEnv = z.infer<typeof storageConfigSchema>;
