// Storefront entry: providers (Mantine, TanStack Query, tRPC) around the router.
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { AppProviders } from '@marketdesk/ui';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { router } from './router';
import { createQueryClient, createTrpcClient, trpc } from './trpc';

function App() {
  const [queryClient] = useState(createQueryClient);
  const [trpcClient] = useState(createTrpcClient);
  return (
    <trpc.Provider client={trpcClient} queryClient={queryClient}>
      <QueryClientProvider client={queryClient}>
        <AppProviders colorSchemeKey="marketdesk-storefront-color-scheme">
          <RouterProvider router={router} />
        </AppProviders>
      </QueryClientProvider>
    </trpc.Provider>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html is missing #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
