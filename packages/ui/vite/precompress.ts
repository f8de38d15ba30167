// Brotli and gzip copies of the browser bundle, written at build time next to each file
// (`index-abc.js.br`, `index-abc.js.gz`) so the production servers (server/static-files.ts) send
// the smallest encoding a browser accepts without compressing anything per request.
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { encodings, encodingSuffix, isCompressible, precompressFile } from '../server/compression.ts';
import { contentTypeOf } from '../server/content-types.ts';

export function precompressPlugin(): Plugin {
  return {
    name: 'marketdesk-precompress',
    apply: 'build',
    // The browser bundle only: the server renderer's files are never sent over HTTP.
    applyToEnvironment: (environment) => environment.name === 'client',
    // After everything is written, public/ included.
    async closeBundle() {
      const { root, build } = this.environment.config;
      const outDir = resolve(root, build.outDir);
      const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
      const isCopy = (name: string) => encodings.some((enc) => name.endsWith(encodingSuffix[enc]));
      const files = entries.filter((e) => e.isFile() && !isCopy(e.name) && isCompressible(contentTypeOf(e.name))).map((e) => join(e.parentPath, e.name));
      const written = await Promise.all(files.map((file) => precompressFile(file)));
      const count = written.filter((w) => w.length > 0).length;
      this.environment.logger.info(`precompressed ${count} of ${files.length} text files (brotli, gzip)`);
    },
  };
}
