import { NotFound } from '@marketdesk/ui';

export function NotFoundPage() {
  return <NotFound homeLabel="Go to the dashboard" />;
}
