// Everything a Marketdesk React tree needs above the router: theme, colour scheme, notifications.
import { MantineProvider, localStorageColorSchemeManager, type MantineColorScheme } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import { theme } from '../theme';

export interface AppProvidersProps {
  children: ReactNode;
  /** Storage key for the chosen scheme, so console and storefront remember their own. */
  colorSchemeKey?: string;
  defaultColorScheme?: MantineColorScheme;
  /** `test` disables transitions and portals (used by unit tests). */
  env?: 'default' | 'test';
}

export function AppProviders({
  children,
  colorSchemeKey = 'marketdesk-color-scheme',
  defaultColorScheme = 'auto',
  env = 'default',
}: AppProvidersProps) {
  const colorSchemeManager = localStorageColorSchemeManager({ key: colorSchemeKey });
  return (
    <MantineProvider
      theme={theme}
      colorSchemeManager={colorSchemeManager}
      defaultColorScheme={defaultColorScheme}
      env={env}
    >
      {/* Live toasts sit bottom-right, away from forms, and never take focus. */}
      <Notifications position="bottom-right" limit={4} />
      {children}
    </MantineProvider>
  );
}
