// The dev-server setup both apps share: same-origin /trpc, /socket.io, /uploads, /media and /files proxied
// to the API, so the session cookie just works.
import react from '@vitejs/plugin-react';
import { defineConfig, type PluginOption } from 'vite';
import { appSecurityHeaders } from './security-headers';

export interface AppViteOptions {
  port: number;
  /** Extra plugins after React's (the storefront adds its server-rendering middleware). */
  plugins?: PluginOption[];
  /** 'custom' when a plugin serves the HTML itself (server rendering); default 'spa'. */
  appType?: 'spa' | 'custom';
  /** The server-rendering entry, transformed at start-up like the client files. */
  ssrEntry?: string;
}

export function appViteConfig(options: AppViteOptions) {
  const apiUrl = process.env.API_URL ?? 'http://127.0.0.1:3000';
  return defineConfig({
    appType: options.appType ?? 'spa',
    plugins: [react(), ...(options.plugins ?? [])],
    server: {
      host: 'localhost',
      port: options.port,
      strictPort: true,
      // VITE_HMR=off (the e2e stack): no hot reload, so a file saved while browser tests run does
      // not reload the pages under test.
      ...(process.env.VITE_HMR === 'off' ? { hmr: false } : {}),
      // Transform the app's modules at start-up instead of on the first visit, so a fresh stack
      // (CI, e2e) answers its first page as fast as later ones.
      warmup: { clientFiles: ['./src/**/*.tsx'], ...(options.ssrEntry ? { ssrFiles: [options.ssrEntry] } : {}) },
      proxy: {
        '/trpc': { target: apiUrl, changeOrigin: false },
        '/socket.io': { target: apiUrl, ws: true, changeOrigin: false },
        '/uploads': { target: apiUrl, changeOrigin: false },
        '/media': { target: apiUrl, changeOrigin: false },
        // Private files the API streams with the session cookie (shipment proofs, statement CSV).
        '/files': { target: apiUrl, changeOrigin: false },
        // The BullMQ dashboard (bull-board), admin-only, served by the API.
        '/admin/queues': { target: apiUrl, changeOrigin: false },
        // Google sign-in redirects (same origin, so the session cookie lands on the app's host).
        '/auth/google': { target: apiUrl, changeOrigin: false },
      },
    },
    // Built apps served by `vite preview` carry the same Content-Security-Policy as production.
    preview: { host: 'localhost', port: options.port, strictPort: true, headers: appSecurityHeaders },
    build: {
      rollupOptions: {
        output: {
          // Vendor code changes far less often than ours: separate chunks stay cached across deploys.
          manualChunks: {
            react: ['react', 'react-dom', 'react-router'],
            mantine: ['@mantine/core', '@mantine/hooks', '@mantine/notifications'],
            data: ['@tanstack/react-query', '@trpc/client', '@trpc/react-query', 'superjson', 'socket.io-client', 'zod'],
          },
        },
      },
    },
  });
}
