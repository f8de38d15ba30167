import { describe, expect, it, vi } from 'vitest';
import { attachedImageIds, fetchListingImage, isUploading, photosFromListing, photosReducer, uploadListingImage, type Photo } from './photos';

const three = (): Photo[] => [
  { key: 'a', imageId: 'A', name: 'a.jpg', src: '/a', status: 'ready' },
  { key: 'b', imageId: 'B', name: 'b.jpg', src: '/b', status: 'processing' },
  { key: 'c', imageId: null, name: 'c.jpg', src: 'blob:c', status: 'uploading' },
];

describe('photosReducer', () => {
  it('moves photos left and right, and not past the ends', () => {
    const photos = three();
    expect(photosReducer(photos, { type: 'move', key: 'b', by: -1 }).map((p) => p.key)).toEqual(['b', 'a', 'c']);
    expect(photosReducer(photos, { type: 'move', key: 'b', by: 1 }).map((p) => p.key)).toEqual(['a', 'c', 'b']);
    expect(photosReducer(photos, { type: 'move', key: 'a', by: -1 })).toBe(photos);
    expect(photosReducer(photos, { type: 'move', key: 'c', by: 1 })).toBe(photos);
  });

  it('follows an upload from local preview to server thumbnail', () => {
    let photos = photosReducer([], { type: 'add', key: 'k', name: 'x.png', src: 'blob:x' });
    expect(isUploading(photos)).toBe(true);
    expect(attachedImageIds(photos)).toEqual([]);
    photos = photosReducer(photos, { type: 'uploaded', key: 'k', imageId: 'X', src: '/media/x.png' });
    expect(photos[0]).toMatchObject({ status: 'processing', imageId: 'X', src: 'blob:x' });
    expect(attachedImageIds(photos)).toEqual(['X']);
    photos = photosReducer(photos, { type: 'ready', imageId: 'X', src: '/media/x-thumb.webp' });
    expect(photos[0]).toMatchObject({ status: 'ready', src: '/media/x-thumb.webp' });
  });

  it('keeps failed uploads visible with their reason, but never attaches them', () => {
    const photos = photosReducer(three(), { type: 'failed', key: 'c', error: 'Only JPEG, PNG or WebP images are accepted.' });
    expect(photos[2]).toMatchObject({ status: 'failed', error: 'Only JPEG, PNG or WebP images are accepted.' });
    expect(attachedImageIds(photos)).toEqual(['A', 'B']);
    expect(photosReducer(photos, { type: 'remove', key: 'c' })).toHaveLength(2);
  });

  it('starts from a saved listing in its order', () => {
    expect(photosFromListing([{ id: 'A', thumbUrl: '/a', status: 'ready' }, { id: 'B', thumbUrl: '/b', status: 'processing' }])).toEqual([
      { key: 'A', imageId: 'A', name: 'Photo 1', src: '/a', status: 'ready' },
      { key: 'B', imageId: 'B', name: 'Photo 2', src: '/b', status: 'processing' },
    ]);
  });
});

describe('upload calls', () => {
  it('posts the file as multipart field `file` with the session cookie', async () => {
    const fetcher = vi.fn(async () => new Response(JSON.stringify({ id: 'X', status: 'processing', url: '/media/x' }), { status: 201 }));
    const uploaded = await uploadListingImage(new File(['x'], 'x.png', { type: 'image/png' }), fetcher as unknown as typeof fetch);
    expect(uploaded.id).toBe('X');
    const [url, init] = fetcher.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/uploads/listing-images');
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('include');
    expect((init.body as FormData).get('file')).toBeInstanceOf(File);
  });

  it("rejects with the API's own message (413, 415…)", async () => {
    const refuse = (status: number, message: string) =>
      vi.fn(async () => new Response(JSON.stringify({ error: { code: 'X', message } }), { status })) as unknown as typeof fetch;
    await expect(uploadListingImage(new File(['x'], 'x.gif'), refuse(415, 'Only JPEG, PNG or WebP images are accepted.'))).rejects.toThrow(
      'Only JPEG, PNG or WebP images are accepted.',
    );
    await expect(uploadListingImage(new File(['x'], 'x.jpg'), refuse(413, 'The image is larger than the 10 MB limit.'))).rejects.toThrow('10 MB');
    const html = vi.fn(async () => new Response('<html>', { status: 413, statusText: 'Payload Too Large' })) as unknown as typeof fetch;
    await expect(uploadListingImage(new File(['x'], 'x.jpg'), html)).rejects.toThrow('The image is too large.');
    const offline = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    await expect(uploadListingImage(new File(['x'], 'x.jpg'), offline)).rejects.toThrow('Could not reach Marketdesk');
  });

  it('polls one upload by id', async () => {
    const fetcher = vi.fn(async () => new Response(JSON.stringify({ id: 'X', status: 'ready', url: '/o', thumbUrl: '/t' }))) as unknown as typeof fetch;
    await expect(fetchListingImage('X', fetcher)).resolves.toMatchObject({ status: 'ready', thumbUrl: '/t' });
  });
});
