// Storefront browser entry: hydrates the server-rendered page with the server's query cache.
import { mountApp } from '@marketdesk/ui/app';
import { COLOR_SCHEME_KEY, setSiteConfig } from './lib/site-config';
import { router } from './router';

mountApp(router, COLOR_SCHEME_KEY, {
  hydrate: true,
  onSsrState: (state) => setSiteConfig({ baseUrl: state.config.baseUrl }),
});
