// The editor's photo strip as plain data: a pure reducer (add, upload finished, thumbnail ready,
// failed, move, remove) and the two HTTP calls of the upload API (tRPC does not carry files).
//   POST /uploads/listing-images      multipart field `file` → 201 {id,status,width,height,url}
//   GET  /uploads/listing-images/:id  → {id,status,url,thumbUrl}, polled until `ready`
// Errors come back as {error:{code,message}} with messages written for the seller.

export const maxPhotos = 12;

export type PhotoStatus = 'uploading' | 'processing' | 'ready' | 'failed';

export interface Photo {
  /** Stable React key: the upload id once known, a local key before. */
  key: string;
  imageId: string | null;
  name: string;
  /** What to show now: a local preview while uploading, the server's thumbnail once ready. */
  src: string | null;
  status: PhotoStatus;
  error?: string;
}

export type PhotoAction =
  | { type: 'reset'; photos: Photo[] }
  | { type: 'add'; key: string; name: string; src: string | null }
  | { type: 'uploaded'; key: string; imageId: string; src: string }
  | { type: 'ready'; imageId: string; src: string }
  | { type: 'failed'; key: string; error: string }
  | { type: 'move'; key: string; by: -1 | 1 }
  | { type: 'remove'; key: string };

export function photosReducer(photos: Photo[], action: PhotoAction): Photo[] {
  switch (action.type) {
    case 'reset':
      return action.photos;
    case 'add':
      return [...photos, { key: action.key, imageId: null, name: action.name, src: action.src, status: 'uploading' }];
    case 'uploaded':
      return photos.map((p) => (p.key === action.key ? { ...p, imageId: action.imageId, status: 'processing' as const, src: p.src ?? action.src } : p));
    case 'ready':
      return photos.map((p) => (p.imageId === action.imageId ? { ...p, status: 'ready' as const, src: action.src } : p));
    case 'failed':
      return photos.map((p) => (p.key === action.key ? { ...p, status: 'failed' as const, error: action.error } : p));
    case 'move': {
      const from = photos.findIndex((p) => p.key === action.key);
      const to = from + action.by;
      if (from < 0 || to < 0 || to >= photos.length) return photos;
      const next = [...photos];
      [next[from], next[to]] = [next[to]!, next[from]!];
      return next;
    }
    case 'remove':
      return photos.filter((p) => p.key !== action.key);
  }
}

/** The ids to attach, in display order (the first is the cover); unfinished uploads are left out. */
export function attachedImageIds(photos: readonly Photo[]): string[] {
  return photos.filter((p) => p.imageId && (p.status === 'processing' || p.status === 'ready')).map((p) => p.imageId!);
}

export function isUploading(photos: readonly Photo[]): boolean {
  return photos.some((p) => p.status === 'uploading');
}

/** Photos of a saved listing, as the editor starts with them. */
export function photosFromListing(images: readonly { id: string; thumbUrl: string; status: string }[]): Photo[] {
  return images.map((i, n) => ({
    key: i.id,
    imageId: i.id,
    name: `Photo ${n + 1}`,
    src: i.thumbUrl,
    status: i.status === 'ready' ? 'ready' : i.status === 'failed' ? 'failed' : 'processing',
  }));
}

export interface UploadedImage {
  id: string;
  status: string;
  url: string;
  thumbUrl?: string;
}

async function readError(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { message?: string } };
    if (body.error?.message) return body.error.message;
  } catch {
    // Not JSON (a proxy's error page): fall through to the status line.
  }
  if (response.status === 413) return 'The image is too large.';
  return `Upload failed (${response.status} ${response.statusText || 'error'}).`;
}

/** Send one image; resolves with the upload or rejects with a message for the seller. */
export async function uploadListingImage(file: File, fetcher: typeof fetch = fetch): Promise<UploadedImage> {
  const body = new FormData();
  body.append('file', file);
  let response: Response;
  try {
    response = await fetcher('/uploads/listing-images', { method: 'POST', body, credentials: 'include' });
  } catch {
    throw new Error('Could not reach Marketdesk to upload the image. Check your connection and try again.');
  }
  if (response.status !== 201 && !response.ok) throw new Error(await readError(response));
  return (await response.json()) as UploadedImage;
}

export async function fetchListingImage(id: string, fetcher: typeof fetch = fetch): Promise<UploadedImage> {
  const response = await fetcher(`/uploads/listing-images/${encodeURIComponent(id)}`, { credentials: 'include' });
  if (!response.ok) throw new Error(await readError(response));
  return (await response.json()) as UploadedImage;
}
