// The 404 both apps show, with a way back to their home.
import { Button } from '@mantine/core';
import { Link } from 'react-router';
import { EmptyState } from '../EmptyState/EmptyState';

export function NotFound({ homeLabel }: { homeLabel: string }) {
  return (
    <EmptyState
      title="Page not found"
      description="The address may be mistyped, or the page has moved."
      action={
        <Button component={Link} to="/">
          {homeLabel}
        </Button>
      }
    />
  );
}
