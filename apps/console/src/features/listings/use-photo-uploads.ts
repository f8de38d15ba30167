// The editor's photos: uploads run as soon as files are picked (so saving is instant), each upload
// is polled until its thumbnail is ready, and local previews are released when no longer shown.
import { useCallback, useEffect, useReducer, useRef } from 'react';
import { fetchListingImage, maxPhotos, photosReducer, uploadListingImage, type Photo } from './photos';

const pollEveryMs = 1_500;
const pollAttempts = 40;

let localKeys = 0;

export function usePhotoUploads(initial: Photo[]) {
  const [photos, dispatch] = useReducer(photosReducer, initial);
  const previews = useRef(new Set<string>());
  const attempts = useRef(new Map<string, number>());

  useEffect(() => {
    const created = previews.current;
    return () => created.forEach((url) => URL.revokeObjectURL(url));
  }, []);

  const addFiles = useCallback(
    (files: File[], current: number) => {
      const room = Math.max(0, maxPhotos - current);
      for (const file of files.slice(0, room)) {
        const key = `local-${++localKeys}`;
        const src = typeof URL.createObjectURL === 'function' ? URL.createObjectURL(file) : null;
        if (src) previews.current.add(src);
        dispatch({ type: 'add', key, name: file.name, src });
        uploadListingImage(file)
          .then((uploaded) => dispatch({ type: 'uploaded', key, imageId: uploaded.id, src: uploaded.url }))
          .catch((err: unknown) => dispatch({ type: 'failed', key, error: err instanceof Error ? err.message : 'Upload failed.' }));
      }
      return files.length - room;
    },
    [],
  );

  const processing = photos.filter((p) => p.status === 'processing' && p.imageId).map((p) => p.imageId!);
  const processingKey = processing.join(',');
  useEffect(() => {
    if (!processingKey) return;
    const ids = processingKey.split(',');
    const timer = setInterval(() => {
      for (const id of ids) {
        const n = (attempts.current.get(id) ?? 0) + 1;
        attempts.current.set(id, n);
        // After a minute the photo stays "processing": it is attached anyway and the
        // thumbnail appears once the worker catches up.
        if (n > pollAttempts) continue;
        fetchListingImage(id)
          .then((image) => {
            if (image.status === 'ready') dispatch({ type: 'ready', imageId: id, src: image.thumbUrl ?? image.url });
          })
          .catch(() => {
            // A missed poll is retried on the next tick.
          });
      }
    }, pollEveryMs);
    return () => clearInterval(timer);
  }, [processingKey]);

  const remove = useCallback((photo: Photo) => {
    if (photo.src && previews.current.has(photo.src)) {
      URL.revokeObjectURL(photo.src);
      previews.current.delete(photo.src);
    }
    dispatch({ type: 'remove', key: photo.key });
  }, []);
  const move = useCallback((photo: Photo, by: -1 | 1) => dispatch({ type: 'move', key: photo.key, by }), []);
  const reset = useCallback((next: Photo[]) => dispatch({ type: 'reset', photos: next }), []);

  return { photos, addFiles, remove, move, reset };
}
