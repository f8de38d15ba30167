// The providers every Marketdesk React tree sits in (tRPC, TanStack Query, Mantine), shared by the
// browser entry and the storefront's server renderer so both render the same tree.
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { AppProviders, type ToastPlacement } from '../AppProviders/AppProviders';
import { trpc } from './trpc';

export type TrpcReactClient = ReturnType<typeof trpc.createClient>;

export interface AppRootProps {
  queryClient: QueryClient;
  trpcClient: TrpcReactClient;
  colorSchemeKey: string;
  /** Where this app's toasts appear (AppProviders' default when absent). */
  toasts?: ToastPlacement | undefined;
  children: ReactNode;
}

export function AppRoot({ queryClient, trpcClient, colorSchemeKey, toasts, children }: AppRootProps) {
  return (
    <trpc.Provider client={trpcClient} queryClient={queryClient}>
      <QueryClientProvider client={queryClient}>
        <AppProviders colorSchemeKey={colorSchemeKey} {...(toasts ? { toasts } : {})}>
          {children}
        </AppProviders>
      </QueryClientProvider>
    </trpc.Provider>
  );
}
