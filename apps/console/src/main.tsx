// Console entry.
import { mountApp } from '@marketdesk/ui/app';
import { consoleToasts } from './features/shell/console-shell';
import { router } from './router';

mountApp(router, 'marketdesk-console-color-scheme', { toasts: consoleToasts });
