// Storefront entry.
import { mountApp } from '@marketdesk/ui/app';
import { router } from './router';

mountApp(router, 'marketdesk-storefront-color-scheme');
