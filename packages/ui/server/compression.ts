// Content encodings for the production app servers: which one a request accepts (Accept-Encoding),
// the build-time compression of the static bundle (vite/precompress.ts writes `.br` and `.gz`
// next to each file) and the on-the-fly compression of server-rendered pages.
import { readFile, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

export type Encoding = 'br' | 'gzip';

/** Ours, best first: brotli is ~15–20% smaller than gzip on our bundles; every browser has both. */
export const encodings: readonly Encoding[] = ['br', 'gzip'];

/** The file next to a precompressed original: `index-abc.js.br`, `index-abc.js.gz`. */
export const encodingSuffix: Readonly<Record<Encoding, string>> = { br: '.br', gzip: '.gz' };

/** Text is worth compressing; images and woff2 fonts are compressed already. */
export function isCompressible(contentType: string): boolean {
  return /^text\/|^application\/(json|manifest\+json|xml)|^image\/svg\+xml/.test(contentType);
}

/** Below this, a compressed body saves less than its headers cost. */
export const minCompressBytes = 1024;

/**
 * The encoding to answer with, from the request's Accept-Encoding (RFC 9110 §12.5.3): a coding the
 * client lists with q > 0, or `*` for codings it does not name; the highest q wins, ours (br
 * first) break ties. No header, or nothing acceptable among `available`: null (identity).
 */
export function negotiateEncoding(header: string | undefined, available: readonly Encoding[] = encodings): Encoding | null {
  if (!header) return null;
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [rawName, ...params] = part.trim().split(';');
    const name = rawName?.trim().toLowerCase();
    if (!name) continue;
    const q = params.map((p) => p.trim().match(/^q=([0-9.]+)$/i)).find(Boolean);
    const weight = q ? Number(q[1]) : 1;
    weights.set(name === 'x-gzip' ? 'gzip' : name, Number.isFinite(weight) ? weight : 0);
  }
  let best: Encoding | null = null;
  let bestWeight = 0;
  for (const encoding of encodings) {
    if (!available.includes(encoding)) continue;
    const weight = weights.get(encoding) ?? weights.get('*') ?? 0;
    if (weight > bestWeight) {
      best = encoding;
      bestWeight = weight;
    }
  }
  return best;
}

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * Compresses a body. `level: 'build'` spends the time once, at build time (brotli 11, gzip 9);
 * `'response'` is for a page rendered per request (brotli 5, gzip 6: most of the gain, a few ms).
 */
export function compress(body: Buffer, encoding: Encoding, level: 'build' | 'response'): Promise<Buffer> {
  if (encoding === 'br') {
    return brotli(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: level === 'build' ? constants.BROTLI_MAX_QUALITY : 5,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    });
  }
  return gzipAsync(body, { level: level === 'build' ? constants.Z_BEST_COMPRESSION : 6 });
}

/**
 * Writes `<file>.br` and `<file>.gz` next to a file when it is big enough and they come out
 * smaller. Returns the encodings written.
 */
export async function precompressFile(file: string): Promise<Encoding[]> {
  const body = await readFile(file);
  if (body.length < minCompressBytes) return [];
  const written: Encoding[] = [];
  for (const encoding of encodings) {
    const compressed = await compress(body, encoding, 'build');
    if (compressed.length >= body.length) continue;
    await writeFile(file + encodingSuffix[encoding], compressed);
    written.push(encoding);
  }
  return written;
}
