// A whole-page failure (the router's errorElement in both apps): say what broke and offer a way on,
// instead of react-router's developer screen. Router-agnostic: apps pass in the error.
import { Button, Center, Group, Stack } from '@mantine/core';
import { ErrorState } from '../ErrorState/ErrorState';

export interface ErrorPageProps {
  title?: string;
  error: unknown;
  homeHref?: string;
}

export function ErrorPage({ title = 'This page hit a problem', error, homeHref = '/' }: ErrorPageProps) {
  return (
    <Center mih="60vh" p="xl">
      <Stack maw={520} w="100%">
        <ErrorState title={title} error={error} />
        <Group>
          <Button variant="default" onClick={() => window.location.reload()}>
            Reload
          </Button>
          <Button component="a" href={homeHref}>
            Go home
          </Button>
        </Group>
      </Stack>
    </Center>
  );
}
