import { appViteConfig } from '../../packages/ui/vite/app-config';

export default appViteConfig({ port: Number(process.env.CONSOLE_PORT ?? 5173) });
