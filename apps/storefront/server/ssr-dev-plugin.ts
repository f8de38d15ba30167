// Server rendering inside the Vite dev server: a middleware installed after Vite's own (so the
// /trpc, /socket.io, /uploads and /media proxy and module serving keep working) renders every
// HTML request with src/entry-server.tsx, freshly loaded through Vite (HMR-aware).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { IncomingMessage } from 'node:http';
import type { Plugin, ViteDevServer } from 'vite';
import type { render as Render } from '../src/entry-server';

export interface SsrDevOptions {
  apiUrl: string;
  baseUrl: string;
}

const require = createRequire(import.meta.url);

/** Mantine's CSS as <link> tags, so the server-rendered page is styled before the scripts run. */
function devStylesheets(): string {
  return ['@mantine/core/styles.css', '@mantine/notifications/styles.css']
    .map((id) => `<link rel="stylesheet" href="/@fs${require.resolve(id)}">`)
    .join('\n    ');
}

function wantsHtml(req: IncomingMessage): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const path = (req.url ?? '/').split('?')[0]!;
  if (/\.[a-z0-9]+$/i.test(path) || path.startsWith('/@') || path.startsWith('/__')) return false;
  return (req.headers.accept ?? '*/*').includes('text/html') || (req.headers.accept ?? '').includes('*/*');
}

export function ssrDevPlugin(options: SsrDevOptions): Plugin {
  return {
    name: 'marketdesk-storefront-ssr',
    apply: 'serve',
    configureServer(server: ViteDevServer) {
      const stylesheets = devStylesheets();
      return () => {
        server.middlewares.use(async (req, res, next) => {
          if (!wantsHtml(req)) return next();
          const url = req.originalUrl ?? req.url ?? '/';
          try {
            const raw = await readFile(resolve(server.config.root, 'index.html'), 'utf8');
            const template = await server.transformIndexHtml(url, raw);
            const { render } = (await server.ssrLoadModule('/src/entry-server.tsx')) as { render: typeof Render };
            const result = await render({ url, template, apiUrl: options.apiUrl, baseUrl: options.baseUrl, cookie: req.headers.cookie ?? null, extraHead: stylesheets });
            if (result.redirect) {
              res.writeHead(302, { Location: result.redirect }).end();
              return;
            }
            res.writeHead(result.status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
            res.end(req.method === 'HEAD' ? undefined : result.html);
          } catch (error) {
            server.ssrFixStacktrace(error as Error);
            next(error);
          }
        });
      };
    },
  };
}
