// Compiles a Node program of this repository (TypeScript) to plain ESM JavaScript with esbuild.
//
// esbuild, because the workspace packages (@marketdesk/domain, @marketdesk/db) are consumed as
// TypeScript source (their package.json exports point at src/*.ts, resolved "Bundler"-style without
// file extensions), which tsc cannot emit as runnable Node ESM; esbuild bundles them in about a
// second. Type checking stays with `tsc` (npm run typecheck). Every package from node_modules stays
// external: native addons (argon2, sharp) load as usual, OpenTelemetry's instrumentations can patch
// pg, ioredis and http, and an image's `npm ci --omit=dev` provides them.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';

const workspacePrefix = '@marketdesk/';
const externalPackages = {
  name: 'external-node-modules',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith(workspacePrefix) ? undefined : { path: args.path, external: true }));
  },
};

/**
 * @param {{ name: string, dir: string, entries: Record<string, string>, outdir?: string }} options
 *   entries: output name (dist/<name>.js) → source file, relative to dir.
 */
export async function buildNodeProgram({ name, dir, entries, outdir = join(dir, 'dist') }) {
  await rm(outdir, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: dir,
    entryPoints: Object.fromEntries(Object.entries(entries).map(([out, file]) => [out, join(dir, file)])),
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node24',
    // Stack traces point at the TypeScript when started with `node --enable-source-maps`.
    sourcemap: true,
    sourcesContent: false,
    chunkNames: 'chunks/[name]-[hash]',
    plugins: [externalPackages],
    logLevel: 'warning',
    metafile: true,
  });
  const bytes = Object.entries(result.metafile.outputs)
    .filter(([file]) => file.endsWith('.js'))
    .reduce((sum, [, o]) => sum + o.bytes, 0);
  console.log(`${name}: ${Object.keys(entries).map((n) => `dist/${n}.js`).join(', ')} (${(bytes / 1024).toFixed(0)} KiB of JavaScript)`);
}
