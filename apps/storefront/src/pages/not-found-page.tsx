import { Button } from '@mantine/core';
import { EmptyState } from '@marketdesk/ui';
import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <EmptyState
      title="Page not found"
      description="The address may be mistyped, or the page has moved."
      action={
        <Button component={Link} to="/">
          Back to the home page
        </Button>
      }
    />
  );
}
