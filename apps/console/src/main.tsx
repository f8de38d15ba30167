// Console entry.
import { mountApp } from '@marketdesk/ui/app';
import { router } from './router';

mountApp(router, 'marketdesk-console-color-scheme');
