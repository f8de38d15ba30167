// Listing photo uploads against a real API (PostgreSQL, Redis, local-disk storage in a temp dir):
// validation by bytes, permissions, the thumbnail job, and serving files without escaping the root.
import { mkdtempSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/index.js';
import { createJobContext } from '../src/jobs/job-context.js';
import { findJob } from '../src/jobs/registry.js';
import { makeThumbnailJob } from '../src/jobs/media/make-thumbnail.js';
import { createStorage } from '../src/integrations/storage/index.js';
import { listingRepository } from '../src/repositories/listing-repository.js';
import { thumbnailJobId } from '../src/services/media/upload-listing-image.js';
import { allowedOrigin, registerUser, testConfig, type RunningApi } from './harness.js';

const maxBytes = 8 * 1024 * 1024;
let api: RunningApi;

beforeAll(async () => {
  const config = testConfig({ UPLOAD_DIR: mkdtempSync(join(tmpdir(), 'md-uploads-')), UPLOAD_MAX_BYTES: String(maxBytes) });
  const app = await createApp(config);
  expect(findJob('media.thumbnail')).toBeDefined();
  const port = await app.listen();
  api = { app, baseUrl: `http://127.0.0.1:${port}`, close: () => app.close() };
});
afterAll(async () => {
  await api?.close();
});

const pngOf = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#3366aa' } }).png().toBuffer();

interface UploadBody {
  id: string;
  status: string;
  width: number;
  height: number;
  url: string;
  error: { code: string; message: string };
}

async function upload(body: Buffer, opts: { cookie?: string; filename?: string; type?: string; field?: string } = {}) {
  const form = new FormData();
  form.append(opts.field ?? 'file', new Blob([body], { type: opts.type ?? 'image/png' }), opts.filename ?? 'photo.png');
  const res = await fetch(`${api.baseUrl}/uploads/listing-images`, {
    method: 'POST',
    headers: { origin: allowedOrigin, ...(opts.cookie ? { cookie: opts.cookie } : {}) },
    body: form,
  });
  return { status: res.status, body: (await res.json()) as UploadBody };
}

function jobContext() {
  return createJobContext(api.app.services.config, api.app.db, pino({ level: 'silent' }), null);
}

/** A raw GET, so `..` reaches the server as sent (fetch would normalise the path first). */
function rawGet(path: string): Promise<{ status: number; body: string }> {
  const { port } = new URL(api.baseUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('POST /uploads/listing-images', () => {
  it('stores a seller’s PNG, queues its thumbnail, and the job makes a WebP of at most 400px', async () => {
    const seller = await registerUser(api, { roles: ['seller'] });
    const png = await pngOf(1200, 900);
    const res = await upload(png, { cookie: seller.cookie });
    expect(res.status).toBe(201);
    const { id, url } = res.body;
    expect(res.body).toEqual({ id, status: 'processing', width: 1200, height: 900, url: `/media/listing-images/${id}.png` });

    const em = api.app.db.orm.em.fork();
    expect(await listingRepository.findImage(em, id)).toMatchObject({ ownerId: seller.id, status: 'processing', contentType: 'image/png', width: 1200, height: 900 });
    const job = await api.app.queues.queue('media').getJob(thumbnailJobId(id));
    expect(job?.name).toBe('media.thumbnail');
    // Jobs also carry the request's trace in `_meta` (observability).
    expect(job?.data).toMatchObject({ imageId: id });
    await job?.remove(); // no worker runs in this file; the handler is run directly below

    const before = await fetch(`${api.baseUrl}/uploads/listing-images/${id}`, { headers: { cookie: seller.cookie } });
    expect(await before.json()).toEqual({ id, status: 'processing', url, thumbUrl: url });

    const original = await fetch(`${api.baseUrl}${url}`);
    expect(original.status).toBe(200);
    expect(original.headers.get('content-type')).toBe('image/png');
    expect(original.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(original.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await original.arrayBuffer()).equals(png)).toBe(true);

    await makeThumbnailJob.handle(jobContext(), { imageId: id });
    const ready = await listingRepository.findImage(api.app.db.orm.em.fork(), id);
    expect(ready).toMatchObject({ status: 'ready', thumbKey: `listing-images/${id}-thumb.webp`, width: 1200, height: 900 });

    const status = await fetch(`${api.baseUrl}/uploads/listing-images/${id}`, { headers: { cookie: seller.cookie } });
    const thumbUrl = `/media/listing-images/${id}-thumb.webp`;
    expect(await status.json()).toEqual({ id, status: 'ready', url, thumbUrl });

    const thumb = await fetch(`${api.baseUrl}${thumbUrl}`);
    expect(thumb.headers.get('content-type')).toBe('image/webp');
    const meta = await sharp(Buffer.from(await thumb.arrayBuffer())).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: 400, height: 300 });

    // At-least-once delivery: running it again changes nothing.
    await makeThumbnailJob.handle(jobContext(), { imageId: id });
    expect(await listingRepository.findImage(api.app.db.orm.em.fork(), id)).toEqual(ready);
  });

  it('refuses a damaged image at upload, and a thumbnail job over damaged bytes marks it failed instead of retrying forever', async () => {
    const seller = await registerUser(api, { roles: ['seller'] });
    const noisy = await sharp(Buffer.from(Array.from({ length: 300 * 200 * 3 }, (_, i) => (i * 7919) % 251)), { raw: { width: 300, height: 200, channels: 3 } }).png().toBuffer();
    const truncated = noisy.subarray(0, Math.floor(noisy.length / 2)); // header intact, pixels cut off
    const res = await upload(truncated, { cookie: seller.cookie });
    expect(res.status).toBe(415);
    expect(res.body.error.message).toMatch(/damaged/);
    // Bytes that went bad in storage after upload: the job gives up cleanly.
    const good = await upload(noisy, { cookie: seller.cookie });
    const id = good.body.id;
    const stored = await listingRepository.findImage(api.app.db.orm.em.fork(), id);
    await createStorage(api.app.services.config).put(stored!.storageKey, truncated, 'image/png');
    await makeThumbnailJob.handle(jobContext(), { imageId: id });
    expect(await listingRepository.findImage(api.app.db.orm.em.fork(), id)).toMatchObject({ status: 'failed', thumbKey: null });
    const status = await fetch(`${api.baseUrl}/uploads/listing-images/${id}`, { headers: { cookie: seller.cookie } });
    expect(await status.json()).toMatchObject({ status: 'failed' });
  });

  it('judges the type by the bytes: a text file named .png with an image/png type is refused with 415', async () => {
    const seller = await registerUser(api, { roles: ['seller'] });
    const res = await upload(Buffer.from('just some text, not an image\n'), { cookie: seller.cookie, filename: 'photo.png', type: 'image/png' });
    expect(res.status).toBe(415);
    expect(res.body).toEqual({ error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Only JPEG, PNG or WebP images are accepted.' } });
  });

  it('refuses other real image formats (GIF) with 415', async () => {
    const seller = await registerUser(api, { roles: ['seller'] });
    const gif = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#ff0000' } }).gif().toBuffer();
    const res = await upload(gif, { cookie: seller.cookie, filename: 'photo.png' });
    expect(res.status).toBe(415);
  });

  it('refuses a file over UPLOAD_MAX_BYTES with 413 and says the limit', async () => {
    const seller = await registerUser(api, { roles: ['seller'] });
    const png = await pngOf(100, 100);
    // Files just over the limit once slipped through truncated (multipart's toBuffer did not throw).
    for (const overBytes of [1, 11_000, 100_000, 111_000, 2_000_000]) {
      const oversized = Buffer.concat([png, Buffer.alloc(maxBytes - png.length + overBytes, 1)]);
      const res = await upload(oversized, { cookie: seller.cookie });
      expect(res.status, `${overBytes} bytes over`).toBe(413);
      expect(res.body).toEqual({ error: { code: 'PAYLOAD_TOO_LARGE', message: 'The image is larger than the 8 MB limit.' } });
    }
    const exactly = await upload(Buffer.concat([png, Buffer.alloc(maxBytes - png.length, 1)]), { cookie: seller.cookie });
    expect(exactly.status).toBe(201);
  });

  it('refuses images over 40 megapixels with 413, before any decoding', async () => {
    const seller = await registerUser(api, { roles: ['seller'] });
    const huge = await sharp({ create: { width: 8000, height: 5001, channels: 3, background: '#000000' } }).png({ compressionLevel: 9 }).toBuffer();
    expect(huge.length).toBeLessThan(maxBytes);
    const res = await upload(huge, { cookie: seller.cookie });
    expect(res.status).toBe(413);
    expect(res.body.error.message).toBe('Images can be at most 40 megapixels; this one is 8000×5001.');
  });

  it('asks for the field named file', async () => {
    const seller = await registerUser(api, { roles: ['seller'] });
    const res = await upload(await pngOf(10, 10), { cookie: seller.cookie, field: 'photo' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BAD_REQUEST');
  });

  it('refuses buyers with 403 and anonymous callers with 401', async () => {
    const png = await pngOf(10, 10);
    const buyer = await registerUser(api);
    const asBuyer = await upload(png, { cookie: buyer.cookie });
    expect(asBuyer.status).toBe(403);
    expect(asBuyer.body.error.code).toBe('FORBIDDEN');
    const anonymous = await upload(png);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toEqual({ error: { code: 'UNAUTHORIZED', message: 'Sign in to upload images.' } });
  });

  it('leaves the tRPC routes’ JSON parsing untouched', async () => {
    const res = await fetch(`${api.baseUrl}/trpc/catalog.categories`);
    expect(res.status).toBe(200);
  });
});

describe('GET /uploads/listing-images/:id', () => {
  it('shows an upload to its owner only; others get the same 404 as for a missing id', async () => {
    const owner = await registerUser(api, { roles: ['seller'] });
    const other = await registerUser(api, { roles: ['seller'] });
    const { body } = await upload(await pngOf(20, 20), { cookie: owner.cookie });
    const asOther = await fetch(`${api.baseUrl}/uploads/listing-images/${body.id}`, { headers: { cookie: other.cookie } });
    expect(asOther.status).toBe(404);
    const missing = await fetch(`${api.baseUrl}/uploads/listing-images/not-a-uuid`, { headers: { cookie: owner.cookie } });
    expect(missing.status).toBe(404);
    const anonymous = await fetch(`${api.baseUrl}/uploads/listing-images/${body.id}`);
    expect(anonymous.status).toBe(401);
  });
});

describe('GET /media/:folder/:file', () => {
  it('answers 404 JSON for a missing file', async () => {
    const res = await fetch(`${api.baseUrl}/media/listing-images/00000000-0000-4000-8000-000000000000.png`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'No such file.' } });
  });

  it('never serves a file outside the public folders of the storage root', async () => {
    const storage = createStorage(api.app.services.config);
    await storage.put('private-docs/secret.txt', Buffer.from('secret'), 'text/plain');
    expect((await rawGet('/media/private-docs/secret.txt')).status).toBe(404);
    for (const path of [
      '/media/../etc/passwd',
      '/media/..%2f..%2f..%2fetc/passwd',
      '/media/listing-images/..%2f..%2f..%2f..%2fetc%2fpasswd',
      '/media/listing-images/..',
      '/media/listing-images/%2e%2e',
      '/media/..%2fprivate-docs/secret.txt',
      '/media/listing-images/..%5c..%5csecret.txt',
    ]) {
      const res = await rawGet(path);
      expect([400, 404], path).toContain(res.status);
      expect(res.body, path).not.toMatch(/root:|secret/);
    }
    expect((await rawGet('/media/..%2f..%2f..%2fetc/passwd')).status).toBe(400);
  });
});
