import { Button } from '@mantine/core';
import { EmptyState } from '@marketdesk/ui';
import { Link } from 'react-router';

export function NotFoundPage({ title = 'Page not found', description = 'The address may be mistyped, or the page has moved.' }: { title?: string; description?: string }) {
  return (
    <EmptyState
      title={title}
      description={description}
      action={
        <>
          <Button component={Link} to="/">
            Back to the home page
          </Button>
          <Button component={Link} to="/search" variant="default">
            Browse records
          </Button>
        </>
      }
    />
  );
}
