import { mergeConfig } from 'vite';
import { appViteConfig } from '../../packages/ui/vite/app-config';

const apiUrl = process.env.API_URL ?? 'http://127.0.0.1:3000';

// Two API routes the console links to directly (files, not tRPC): a shipment proof and the seller's
// statement CSV. Only those exact paths go to the API; /orders/:id and /ledger stay console pages.
export default mergeConfig(appViteConfig({ port: Number(process.env.CONSOLE_PORT ?? 5173) }), {
  server: {
    proxy: {
      '^/orders/[^/]+/shipment-proof$': { target: apiUrl, changeOrigin: false },
      '^/ledger/statement\\.csv': { target: apiUrl, changeOrigin: false },
    },
  },
});
