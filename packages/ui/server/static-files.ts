// The built browser bundle (dist/client), served by the production app servers. The files are
// listed once at start-up — a build never changes under a running server — so a request is a
// lookup in that list: a path that is not a file of the build (../ tricks included) is simply not
// there. Each file is answered in the best encoding the request accepts among those the build
// precompressed (vite/precompress.ts), with an ETag (304 on a match) and its cache policy.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, relative, sep } from 'node:path';
import { encodings, encodingSuffix, negotiateEncoding, type Encoding } from './compression';
import { contentTypeOf } from './content-types';

/** Vite's output under /assets/ carries a content hash in every file name: cached for good. */
export const immutableCache = 'public, max-age=31536000, immutable';
/** Everything else (index.html, public/ files such as the favicon): stored, revalidated by ETag. */
export const revalidateCache = 'no-cache';

interface StoredVariant {
  file: string;
  size: number;
  etag: string;
}

export interface StaticFile {
  /** The URL path it answers, e.g. `/assets/index-abc123.js`. */
  urlPath: string;
  contentType: string;
  cacheControl: string;
  identity: StoredVariant;
  /** The precompressed siblings the build wrote. */
  encoded: Partial<Record<Encoding, StoredVariant>>;
}

export type StaticFiles = ReadonlyMap<string, StaticFile>;

export function cacheControlFor(urlPath: string): string {
  return urlPath.startsWith('/assets/') ? immutableCache : revalidateCache;
}

/** Every file of a built bundle by URL path; dot-directories (Vite's .vite/ manifest) are left out. */
export async function loadStaticFiles(root: string): Promise<StaticFiles> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = new Set(entries.filter((e) => e.isFile()).map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/')));
  const isEncodedSibling = (name: string) => encodings.some((enc) => name.endsWith(encodingSuffix[enc]) && files.has(name.slice(0, -encodingSuffix[enc].length)));
  const result = new Map<string, StaticFile>();
  for (const name of files) {
    if (isEncodedSibling(name) || name.split('/').some((segment) => segment.startsWith('.'))) continue;
    const file = join(root, name);
    const body = await readFile(file);
    const hash = createHash('sha256').update(body).digest('base64url').slice(0, 22);
    const encoded: StaticFile['encoded'] = {};
    for (const encoding of encodings) {
      if (!files.has(name + encodingSuffix[encoding])) continue;
      const encodedFile = file + encodingSuffix[encoding];
      encoded[encoding] = { file: encodedFile, size: (await stat(encodedFile)).size, etag: `"${hash}-${encoding}"` };
    }
    const urlPath = `/${name}`;
    result.set(urlPath, {
      urlPath,
      contentType: contentTypeOf(name),
      cacheControl: cacheControlFor(urlPath),
      identity: { file, size: body.length, etag: `"${hash}"` },
      encoded,
    });
  }
  return result;
}

/** If-None-Match against an ETag (weak comparison, as RFC 9110 §13.1.2 asks for GET). */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/** Answers a GET or HEAD with a file of the bundle; `headers` are added (security headers). */
export function sendStaticFile(req: IncomingMessage, res: ServerResponse, file: StaticFile, headers: Readonly<Record<string, string>> = {}): void {
  const available = encodings.filter((enc) => file.encoded[enc]);
  const encoding = negotiateEncoding(req.headers['accept-encoding'], available);
  const variant = (encoding && file.encoded[encoding]) || file.identity;
  const common: Record<string, string> = {
    ...headers,
    'Cache-Control': file.cacheControl,
    ETag: variant.etag,
    ...(available.length ? { Vary: 'Accept-Encoding' } : {}),
  };
  if (matchesEtag(req.headers['if-none-match'], variant.etag)) {
    res.writeHead(304, common).end();
    return;
  }
  res.writeHead(200, {
    ...common,
    'Content-Type': file.contentType,
    'Content-Length': String(variant.size),
    ...(encoding ? { 'Content-Encoding': encoding } : {}),
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(variant.file);
  stream.on('error', (error) => res.destroy(error));
  stream.pipe(res);
}
