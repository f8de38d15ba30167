// Dev server: same-origin /trpc and /socket.io proxied to the API, so the session cookie just works.
import react from '@vitejs/plugin-react';
import { defineConfig, type PluginOption } from 'vite';

const apiUrl = process.env.API_URL ?? 'http://127.0.0.1:3000';
const port = Number(process.env.STOREFRONT_PORT ?? 5174);

export default defineConfig({
  // The app pins vite 7.1 while vitest hoists 7.3 (which plugin-react's types resolve to); the two
  // Plugin types differ only in internals, so we bridge them here until the versions are aligned.
  plugins: [react() as unknown as PluginOption],
  server: {
    host: 'localhost',
    port,
    strictPort: true,
    proxy: {
      '/trpc': { target: apiUrl, changeOrigin: false },
      '/socket.io': { target: apiUrl, ws: true, changeOrigin: false },
    },
  },
  preview: { host: 'localhost', port, strictPort: true },
});
