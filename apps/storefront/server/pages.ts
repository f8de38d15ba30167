// How the production server renders a page: the built renderer (dist/server/entry-server.js, or
// src/entry-server.tsx in the tests) with the built index.html as its template, the visitor's
// cookie passed on so signed-in pages render as theirs, and the response's script nonce (its
// Content-Security-Policy runs only inline scripts carrying it).
import type { AppPages } from '../../../packages/ui/server/index';
import type { render as Render } from '../src/entry-server';

export function storefrontPages(render: typeof Render, template: string, env: { apiUrl: string; publicBaseUrl: string }): AppPages {
  return {
    kind: 'ssr',
    render: (req, url, { nonce }) => render({ url, template, apiUrl: env.apiUrl, baseUrl: env.publicBaseUrl, cookie: req.headers.cookie ?? null, nonce }),
  };
}
