// Everything a Marketdesk React tree needs above the router: theme, colour scheme, notifications.
import { MantineProvider, localStorageColorSchemeManager, type MantineColorScheme } from '@mantine/core';
import { Notifications, type NotificationsProps } from '@mantine/notifications';
import type { ReactNode } from 'react';
import { theme } from '../theme';

/** Where an app's toasts appear (each app decides once, where they cover none of its pages' content). */
export type ToastPlacement = Pick<NotificationsProps, 'position' | 'containerWidth' | 'limit'>;

const defaultToasts: ToastPlacement = { position: 'bottom-right', limit: 4 };

export interface AppProvidersProps {
  children: ReactNode;
  /** Storage key for the chosen scheme, so console and storefront remember their own. */
  colorSchemeKey?: string;
  defaultColorScheme?: MantineColorScheme;
  /** `test` disables transitions and portals (used by unit tests). */
  env?: 'default' | 'test';
  /** Where toasts appear; bottom-right, four at most, unless the app says otherwise. */
  toasts?: ToastPlacement;
}

export function AppProviders({
  children,
  colorSchemeKey = 'marketdesk-color-scheme',
  defaultColorScheme = 'auto',
  env = 'default',
  toasts = defaultToasts,
}: AppProvidersProps) {
  const colorSchemeManager = localStorageColorSchemeManager({ key: colorSchemeKey });
  return (
    <MantineProvider
      theme={theme}
      colorSchemeManager={colorSchemeManager}
      defaultColorScheme={defaultColorScheme}
      env={env}
    >
      {/* Live toasts never take focus; each app places them once (see `toasts`). */}
      <Notifications {...toasts} />
      {children}
    </MantineProvider>
  );
}
