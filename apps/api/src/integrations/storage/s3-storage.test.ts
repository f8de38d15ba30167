import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { configWith } from '../../env.js';
import { createStorage, LocalDiskStorage, S3Storage, s3ClientConfig, s3StorageConfigFrom } from './index.js';

interface SeenRequest {
  method: string;
  hostname: string;
  path: string;
  headers: Record<string, string>;
}

/** Answers the SDK's HTTP requests from a Map, so the adapter runs end to end without a network. */
function fakeS3() {
  const objects = new Map<string, { body: Buffer; contentType: string }>();
  const seen: SeenRequest[] = [];
  const requestHandler = {
    async handle(request: SeenRequest & { body?: unknown }) {
      seen.push({ method: request.method, hostname: request.hostname, path: request.path, headers: request.headers });
      const respond = (statusCode: number, headers: Record<string, string> = {}, body: Buffer = Buffer.alloc(0)) => ({
        response: { statusCode, headers: { 'content-length': String(body.length), ...headers }, body: Readable.from([body]) },
      });
      if (request.method === 'PUT') {
        objects.set(request.path, { body: Buffer.from(request.body as Uint8Array), contentType: request.headers['content-type'] ?? '' });
        return respond(200, { etag: '"x"' });
      }
      if (request.method === 'DELETE') {
        objects.delete(request.path);
        return respond(204);
      }
      const found = objects.get(request.path);
      if (!found) {
        const xml = '<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>';
        return respond(404, { 'content-type': 'application/xml' }, Buffer.from(xml));
      }
      return respond(200, { 'content-type': found.contentType }, found.body);
    },
  };
  return { objects, seen, requestHandler };
}

describe('storage selection', () => {
  it('uses the local disk without S3_BUCKET', () => {
    expect(s3StorageConfigFrom(configWith({}))).toBeNull();
    expect(createStorage(configWith({ UPLOAD_DIR: '/tmp/md-uploads' }))).toBeInstanceOf(LocalDiskStorage);
  });

  it('uses S3 when S3_BUCKET is set, with path-style addressing and the given keys for a custom endpoint', async () => {
    const env = configWith({
      S3_BUCKET: 'media-bucket',
      S3_REGION: 'eu-central-1',
      S3_ENDPOINT: 'http://127.0.0.1:9000',
      S3_ACCESS_KEY_ID: 'key',
      S3_SECRET_ACCESS_KEY: 'secret',
    });
    const storage = createStorage(env);
    expect(storage).toBeInstanceOf(S3Storage);
    expect(storage.kind).toBe('s3');
    await (storage as S3Storage).close();
    expect(s3ClientConfig(s3StorageConfigFrom(env)!)).toEqual({
      region: 'eu-central-1',
      endpoint: 'http://127.0.0.1:9000',
      forcePathStyle: true,
      credentials: { accessKeyId: 'key', secretAccessKey: 'secret' },
    });
  });

  it('leaves credentials and addressing to the SDK defaults on AWS itself', () => {
    const config = s3ClientConfig(s3StorageConfigFrom(configWith({ S3_BUCKET: 'media-bucket' }))!);
    expect(config).toEqual({ region: 'us-east-1' });
  });
});

describe('S3Storage', () => {
  function storageWithFake() {
    const fake = fakeS3();
    const config = { bucket: 'media-bucket', region: 'us-east-1', endpoint: 'http://minio.test:9000', accessKeyId: 'k', secretAccessKey: 's' };
    const client = new S3Client({ ...s3ClientConfig(config), requestHandler: fake.requestHandler as never });
    return { fake, storage: new S3Storage(config, client) };
  }

  it('puts, gets and deletes objects under the bucket path, keeping the content type', async () => {
    const { fake, storage } = storageWithFake();
    await storage.put('listing-images/a.png', Buffer.from('png bytes'), 'image/png');
    expect(fake.seen[0]).toMatchObject({ method: 'PUT', hostname: 'minio.test', path: '/media-bucket/listing-images/a.png' });
    expect(await storage.get('listing-images/a.png')).toEqual({ body: Buffer.from('png bytes'), contentType: 'image/png' });
    await storage.delete('listing-images/a.png');
    expect(fake.objects.size).toBe(0);
  });

  it('answers null for a missing object', async () => {
    const { storage } = storageWithFake();
    expect(await storage.get('listing-images/missing.png')).toBeNull();
  });

  it('refuses unsafe keys before any request', async () => {
    const { fake, storage } = storageWithFake();
    await expect(storage.get('../etc/passwd')).rejects.toThrow(/Unsafe storage key/);
    await expect(storage.put('listing-images/../../x', Buffer.alloc(1), 'image/png')).rejects.toThrow(/Unsafe storage key/);
    expect(fake.seen).toHaveLength(0);
  });
});

describe('S3Storage made from the configuration', () => {
  // The client is made with the SDK on the first operation: here against an S3-compatible endpoint
  // over HTTP, so the configured endpoint, path-style addressing and keys are what it really uses.
  it('stores, reads and deletes through the configured endpoint with the configured keys', async () => {
    const objects = new Map<string, { body: Buffer; contentType: string }>();
    const seen: { method: string; path: string; authorization: string }[] = [];
    const body = async (req: IncomingMessage) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    };
    const server = createServer(async (req, res) => {
      seen.push({ method: req.method!, path: req.url!.split('?')[0]!, authorization: req.headers.authorization ?? '' });
      const path = req.url!.split('?')[0]!;
      if (req.method === 'PUT') {
        objects.set(path, { body: await body(req), contentType: req.headers['content-type'] ?? '' });
        return res.writeHead(200, { etag: '"x"' }).end();
      }
      if (req.method === 'DELETE') return (objects.delete(path), res.writeHead(204).end());
      const found = objects.get(path);
      if (!found) return res.writeHead(404, { 'content-type': 'application/xml' }).end('<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>No such key.</Message></Error>');
      res.writeHead(200, { 'content-type': found.contentType, 'content-length': found.body.length }).end(found.body);
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const storage = createStorage(configWith({ S3_BUCKET: 'media-bucket', S3_REGION: 'eu-central-1', S3_ENDPOINT: endpoint, S3_ACCESS_KEY_ID: 'AKIDLAZY', S3_SECRET_ACCESS_KEY: 'secret' })) as S3Storage;
    try {
      await storage.put('listing-images/a.png', Buffer.from('png bytes'), 'image/png');
      expect(seen[0]).toMatchObject({ method: 'PUT', path: '/media-bucket/listing-images/a.png' });
      expect(seen[0]!.authorization).toContain('Credential=AKIDLAZY/');
      expect(seen[0]!.authorization).toContain('/eu-central-1/s3/');
      expect(await storage.get('listing-images/a.png')).toEqual({ body: Buffer.from('png bytes'), contentType: 'image/png' });
      expect(await storage.get('listing-images/missing.png')).toBeNull();
      await storage.delete('listing-images/a.png');
      expect(objects.size).toBe(0);
    } finally {
      await storage.close();
      server.close();
    }
  });
});
