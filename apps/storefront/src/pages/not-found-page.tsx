import { NotFound } from '@marketdesk/ui';

export function NotFoundPage() {
  return <NotFound homeLabel="Back to the home page" />;
}
