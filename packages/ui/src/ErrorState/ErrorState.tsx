// What a list or page shows when loading failed: the reason in plain words and a way to retry.
import { Alert, Button, Stack, Text } from '@mantine/core';

export interface ErrorStateProps {
  title?: string;
  /** An Error, a tRPC error or a message; shown to the person, so keep server messages readable. */
  error?: unknown;
  onRetry?: () => void;
}

export function errorMessage(error: unknown): string {
  if (typeof error === 'string') return error;
  if (error instanceof Error && error.message) return error.message;
  if (error && typeof error === 'object' && 'message' in error && typeof error.message === 'string') {
    return error.message;
  }
  return 'Something went wrong.';
}

export function ErrorState({ title = 'Could not load this', error, onRetry }: ErrorStateProps) {
  return (
    <Alert color="red" variant="light" title={title} role="alert">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{errorMessage(error)}</Text>
        {onRetry && (
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            Try again
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
