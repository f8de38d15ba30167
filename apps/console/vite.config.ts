import { appViteConfig } from '../../packages/ui/vite/app-config.ts';

export default appViteConfig({
  port: Number(process.env.CONSOLE_PORT ?? 5173),
  apiUrl: process.env.API_URL ?? 'http://127.0.0.1:3000',
  hmr: process.env.VITE_HMR !== 'off',
});
