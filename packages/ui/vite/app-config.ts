// The Vite setup both apps share. Dev server: the API's paths (server/api-paths.ts) proxied to the
// API on the app's own origin, so the session cookie just works. Build: the browser bundle with
// vendor code in long-lived chunks, precompressed (brotli, gzip) for the production servers; the
// storefront adds its server-rendering build (`vite build --ssr`). Relative imports carry their `.ts` extension so Node's native config loader
// (`configLoader: 'native'`, planned as Vite's default) can load this file as it is.
import react from '@vitejs/plugin-react';
import type { PluginOption, UserConfig } from 'vite';
import { apiPathPattern, apiPathPrefixes } from '../server/api-paths.ts';
import { precompressPlugin } from './precompress.ts';

export interface AppViteOptions {
  port: number;
  /** Where the dev server forwards the API's paths. */
  apiUrl: string;
  /** false (VITE_HMR=off, the e2e stack): no hot reload, so a file saved while browser tests run
   *  does not reload the pages under test. */
  hmr: boolean;
  /** Extra plugins after React's (the storefront adds its server-rendering middleware). */
  plugins?: PluginOption[];
  /** 'custom' when a plugin serves the HTML itself (server rendering); default 'spa'. */
  appType?: 'spa' | 'custom';
  /** The server-rendering entry, transformed at start-up like the client files. */
  ssrEntry?: string;
}

/** Vendor code changes far less often than ours: separate chunks stay cached across deploys. */
const vendorChunks = {
  groups: [
    // Higher priority first: React itself is not pulled into Mantine's chunk by its imports.
    { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/, priority: 3 },
    { name: 'mantine', test: /[\\/]node_modules[\\/]@mantine[\\/]/, priority: 2 },
    { name: 'data', test: /[\\/]node_modules[\\/](@tanstack|@trpc|superjson|socket\.io-client|zod)[\\/]/, priority: 1 },
  ],
};

export function appViteConfig(options: AppViteOptions): UserConfig {
  const { apiUrl } = options;
  return {
    appType: options.appType ?? 'spa',
    plugins: [react(), precompressPlugin(), ...(options.plugins ?? [])],
    server: {
      host: 'localhost',
      port: options.port,
      strictPort: true,
      ...(options.hmr ? {} : { hmr: false }),
      // Transform the app's modules at start-up instead of on the first visit, so a fresh stack
      // (CI, e2e) answers its first page as fast as later ones.
      warmup: { clientFiles: ['./src/**/*.tsx'], ...(options.ssrEntry ? { ssrFiles: [options.ssrEntry] } : {}) },
      // changeOrigin off: the API picks the app's own session cookie by the Host the browser used.
      proxy: Object.fromEntries(
        apiPathPrefixes.map((prefix) => [apiPathPattern(prefix), { target: apiUrl, changeOrigin: false, ws: prefix === '/socket.io' }]),
      ),
    },
    // dist/ holds the production server (dist/prod-server.js, build.mjs), the browser bundle
    // (dist/client) and the storefront's renderer (dist/server).
    build: { outDir: 'dist/client' },
    environments: {
      // Rolldown's codeSplitting groups (Vite 8 dropped Rollup's object-form manualChunks). Browser
      // bundle only: the storefront's server bundle (`vite build --ssr`) keeps node_modules external.
      client: { build: { rolldownOptions: { output: { codeSplitting: vendorChunks } } } },
      // public/ (favicon) belongs to the browser bundle, not next to the server renderer.
      ssr: { build: { outDir: 'dist/server', copyPublicDir: false } },
    },
  };
}
