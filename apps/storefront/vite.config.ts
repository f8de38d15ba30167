import { appViteConfig } from '../../packages/ui/vite/app-config.ts';
import { ssrDevPlugin } from './server/ssr-dev-plugin.ts';

// The shared app setup plus server rendering: in dev a middleware renders pages (server/ssr-dev-plugin.ts);
// `vite build` makes the client bundle and `vite build --ssr` the renderer (server/prod-server.ts serves both).
const port = Number(process.env.STOREFRONT_PORT ?? 5174);
const apiUrl = process.env.API_URL ?? 'http://127.0.0.1:3000';

export default appViteConfig({
  port,
  apiUrl,
  hmr: process.env.VITE_HMR !== 'off',
  appType: 'custom',
  ssrEntry: './src/entry-server.tsx',
  plugins: [ssrDevPlugin({ apiUrl, baseUrl: process.env.PUBLIC_BASE_URL ?? `http://localhost:${port}` })],
});
