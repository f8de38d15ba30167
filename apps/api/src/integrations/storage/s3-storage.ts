// Files in an S3 bucket, or an S3-compatible service (MinIO, R2…) when S3_ENDPOINT is set. The
// content type is stored as the object's Content-Type, so reads serve exactly what was validated at
// upload, as with the local disk. The SDK (@aws-sdk/client-s3 and its @smithy/@aws-sdk dependencies,
// the largest package the API has) loads with the first operation: a process that never stores a
// file loads none of it, and one without S3_BUCKET never makes this class.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type * as S3Sdk from '@aws-sdk/client-s3';
import type { S3Client, S3ClientConfig } from '@aws-sdk/client-s3';
import type { StorageEnv } from './config.js';
import { assertSafeKey, type StoragePort, type StoredObject } from './storage-port.js';

export interface S3StorageConfig {
  bucket: string;
  region: string;
  /** Set for S3-compatible services; switches to path-style addressing (http://host/bucket/key). */
  endpoint?: string | undefined;
  /** Without both keys the SDK's default chain applies (environment, instance role, …). */
  accessKeyId?: string | undefined;
  secretAccessKey?: string | undefined;
}

/** The S3 settings when a bucket is configured, otherwise null (files go to the local disk). */
export function s3StorageConfigFrom(env: StorageEnv): S3StorageConfig | null {
  if (!env.S3_BUCKET) return null;
  return {
    bucket: env.S3_BUCKET,
    region: env.S3_REGION,
    endpoint: env.S3_ENDPOINT,
    accessKeyId: env.S3_ACCESS_KEY_ID,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY,
  };
}

export function s3ClientConfig(config: S3StorageConfig): S3ClientConfig {
  const credentials =
    config.accessKeyId && config.secretAccessKey
      ? { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey }
      : undefined;
  return {
    region: config.region,
    ...(config.endpoint ? { endpoint: config.endpoint, forcePathStyle: true } : {}),
    ...(credentials ? { credentials } : {}),
  };
}

function isNotFound(err: unknown): boolean {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404;
}

export class S3Storage implements StoragePort {
  readonly kind = 's3' as const;
  private readonly bucket: string;
  private sdk: Promise<{ commands: typeof S3Sdk; client: S3Client }> | undefined;

  /** `client` is for tests that answer the SDK's requests without a network. */
  constructor(
    private readonly config: S3StorageConfig,
    private readonly givenClient?: S3Client,
  ) {
    this.bucket = config.bucket;
  }

  /** The SDK and its client, loaded and made once, on the first operation. */
  private connect() {
    this.sdk ??= import('@aws-sdk/client-s3').then((commands) => ({ commands, client: this.givenClient ?? new commands.S3Client(s3ClientConfig(this.config)) }));
    return this.sdk;
  }

  async put(key: string, body: Buffer, contentType: string): Promise<void> {
    assertSafeKey(key);
    const { commands, client } = await this.connect();
    await client.send(new commands.PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: contentType }));
  }

  async putFile(key: string, path: string, contentType: string): Promise<void> {
    assertSafeKey(key);
    const { size } = await stat(path);
    const { commands, client } = await this.connect();
    await client.send(new commands.PutObjectCommand({ Bucket: this.bucket, Key: key, Body: createReadStream(path), ContentLength: size, ContentType: contentType }));
  }

  async openStream(key: string): Promise<{ stream: Readable; contentType: string } | null> {
    assertSafeKey(key);
    const { commands, client } = await this.connect();
    try {
      const res = await client.send(new commands.GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (!res.Body) return null;
      return { stream: res.Body as Readable, contentType: res.ContentType ?? 'application/octet-stream' };
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }

  async get(key: string): Promise<StoredObject | null> {
    assertSafeKey(key);
    const { commands, client } = await this.connect();
    try {
      const res = await client.send(new commands.GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (!res.Body) return null;
      const body = Buffer.from(await res.Body.transformToByteArray());
      return { body, contentType: res.ContentType ?? 'application/octet-stream' };
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }

  /** Deleting a missing object succeeds, as on the local disk. */
  async delete(key: string): Promise<void> {
    assertSafeKey(key);
    const { commands, client } = await this.connect();
    await client.send(new commands.DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  /** Closes the client's connections, if it was ever made. */
  async close(): Promise<void> {
    if (this.sdk) (await this.sdk).client.destroy();
  }
}
