import { defineConfig } from 'vite';
import { appViteConfig } from '../../packages/ui/vite/app-config';
import { ssrDevPlugin } from './server/ssr-dev-plugin';

// The shared app setup plus server rendering: in dev a middleware renders pages (server/ssr-dev-plugin.ts);
// `vite build` makes the client bundle and `vite build --ssr` the renderer (server/prod-server.ts serves both).
export default defineConfig((env) => {
  const port = Number(process.env.STOREFRONT_PORT ?? 5174);
  const base = appViteConfig({
    port,
    appType: 'custom',
    ssrEntry: './src/entry-server.tsx',
    plugins: [
      ssrDevPlugin({
        apiUrl: process.env.API_URL ?? 'http://127.0.0.1:3000',
        baseUrl: process.env.PUBLIC_BASE_URL ?? `http://localhost:${port}`,
      }),
    ],
  });
  if (!env.isSsrBuild) return base;
  // The server bundle keeps node_modules external, so the client's vendor chunks do not apply.
  return { ...base, build: { ...base.build, rollupOptions: {} } };
});
