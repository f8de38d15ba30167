// Where listing images live in storage. One uuid names the row, the original and the thumbnail, so
// the thumbnail job can derive its key from the id alone.
export const listingImageFolder = 'listing-images';

/** Profile photos (256 px WebP, random names): public like listing images. */
export const avatarFolder = 'avatars';

/** Folders GET /media may serve. Anything stored elsewhere (future private documents) stays private. */
export const publicMediaFolders: ReadonlySet<string> = new Set([listingImageFolder, avatarFolder]);

export function originalImageKey(imageId: string, ext: string): string {
  return `${listingImageFolder}/${imageId}.${ext}`;
}

export function thumbnailKey(imageId: string): string {
  return `${listingImageFolder}/${imageId}-thumb.webp`;
}

/** The longest side of a thumbnail, in pixels. */
export const thumbnailMaxPx = 400;
