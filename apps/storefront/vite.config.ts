import { appViteConfig } from '../../packages/ui/vite/app-config';

export default appViteConfig({ port: Number(process.env.STOREFRONT_PORT ?? 5174) });
