// Private document uploads (proofs of shipment, KYC documents) go over plain HTTP multipart, since
// tRPC does not carry files:  POST <url>  `file` → 201 {id, contentType, bytes, scan}.
// Errors come back as {error:{code,message}} (413 too large, 415 not a PDF/image or refused by the
// virus scanner, 503 scanner unavailable) with messages written for the person uploading.

export interface UploadedDocument {
  id: string;
  contentType: string;
  bytes: number;
  scan: string;
}

export const documentAccept = 'application/pdf,image/jpeg,image/png,image/webp';

async function readError(response: Response, what: string): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { message?: string } };
    if (body.error?.message) return body.error.message;
  } catch {
    // Not JSON (a proxy's error page): fall through to the status.
  }
  if (response.status === 413) return 'The file is too large.';
  if (response.status === 415) return `${what} must be a PDF or a JPEG, PNG or WebP image.`;
  if (response.status === 503) return 'The file could not be checked right now. Try again shortly.';
  return `Upload failed (${response.status} ${response.statusText || 'error'}).`;
}

/** Sends one file; resolves with the upload or rejects with a message for the person. */
export async function uploadDocument(url: string, what: string, file: File, fetcher: typeof fetch = fetch): Promise<UploadedDocument> {
  const body = new FormData();
  body.append('file', file);
  let response: Response;
  try {
    response = await fetcher(url, { method: 'POST', body, credentials: 'include' });
  } catch {
    throw new Error('Could not reach Marketdesk to upload the file. Check your connection and try again.');
  }
  if (!response.ok) throw new Error(await readError(response, what));
  return (await response.json()) as UploadedDocument;
}

/** "48 KB", "1.2 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
