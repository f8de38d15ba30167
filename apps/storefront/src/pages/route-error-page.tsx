// The router's errorElement: a page that crashed (or a route that threw) shows a readable error.
import { ErrorPage } from '@marketdesk/ui';
import { isRouteErrorResponse, useRouteError } from 'react-router';

export function RouteErrorPage() {
  const error = useRouteError();
  if (isRouteErrorResponse(error)) return <ErrorPage title={`${error.status} ${error.statusText}`} error={error.data} />;
  return <ErrorPage error={error} />;
}
