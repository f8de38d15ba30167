// Mounts an app: providers (Mantine, TanStack Query, tRPC) around its router.
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider, type createBrowserRouter } from 'react-router';
import { AppProviders } from '../AppProviders/AppProviders';
import { createQueryClient, createTrpcClient, trpc } from './trpc';

type AppRouterInstance = ReturnType<typeof createBrowserRouter>;

function App({ router, colorSchemeKey }: { router: AppRouterInstance; colorSchemeKey: string }) {
  const [queryClient] = useState(createQueryClient);
  const [trpcClient] = useState(createTrpcClient);
  return (
    <trpc.Provider client={trpcClient} queryClient={queryClient}>
      <QueryClientProvider client={queryClient}>
        <AppProviders colorSchemeKey={colorSchemeKey}>
          <RouterProvider router={router} />
        </AppProviders>
      </QueryClientProvider>
    </trpc.Provider>
  );
}

export function mountApp(router: AppRouterInstance, colorSchemeKey: string): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html is missing #root');
  createRoot(root).render(
    <StrictMode>
      <App router={router} colorSchemeKey={colorSchemeKey} />
    </StrictMode>,
  );
}
