// sharp (and libvips, the native library it binds: ~20 MB resident and a fifth of a second to load)
// comes in with the first image handled — an upload checked, an avatar or a thumbnail made — not
// with every process: most API processes and workers go a long while without one.
import type Sharp from 'sharp';

let loading: Promise<typeof Sharp> | undefined;

/** The sharp function, loaded once on first use. */
export function loadSharp(): Promise<typeof Sharp> {
  loading ??= import('sharp').then((module) => module.default);
  return loading;
}
