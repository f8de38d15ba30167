// Mounts an app: providers (Mantine, TanStack Query, tRPC) around its router. A page the server
// rendered (the storefront) is hydrated with the server's query cache, so nothing is fetched twice
// and nothing flashes.
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { hydrate, type QueryClient } from '@tanstack/react-query';
import { StrictMode, useState } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import type { createBrowserRouter } from 'react-router';
// react-router 8: the DOM router provider (wired to react-dom's flushSync) lives in react-router/dom.
import { RouterProvider } from 'react-router/dom';
import type { ToastPlacement } from '../AppProviders/AppProviders';
import { AppRoot } from './app-root';
import { readSsrState, type SsrState } from './ssr';
import { createQueryClient, createTrpcClient } from './trpc';

type AppRouterInstance = ReturnType<typeof createBrowserRouter>;

export interface MountOptions {
  /** Hydrate server-rendered markup when the page carries the server's state (storefront). */
  hydrate?: boolean;
  /** Called with the server's state before the first render (e.g. to read its config). */
  onSsrState?: (state: SsrState) => void;
  /** Where this app's toasts appear. */
  toasts?: ToastPlacement;
}

function App({ router, colorSchemeKey, queryClient, toasts }: { router: AppRouterInstance; colorSchemeKey: string; queryClient: QueryClient; toasts: ToastPlacement | undefined }) {
  const [trpcClient] = useState(createTrpcClient);
  return (
    <AppRoot queryClient={queryClient} trpcClient={trpcClient} colorSchemeKey={colorSchemeKey} toasts={toasts}>
      <RouterProvider router={router} />
    </AppRoot>
  );
}

export function mountApp(router: AppRouterInstance, colorSchemeKey: string, options: MountOptions = {}): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html is missing #root');
  const queryClient = createQueryClient();
  const ssr = options.hydrate ? readSsrState() : null;
  if (ssr) {
    hydrate(queryClient, ssr.queries);
    options.onSsrState?.(ssr);
  }
  const app = (
    <StrictMode>
      <App router={router} colorSchemeKey={colorSchemeKey} queryClient={queryClient} toasts={options.toasts} />
    </StrictMode>
  );
  if (ssr && root.hasChildNodes()) hydrateRoot(root, app);
  else createRoot(root).render(app);
}
