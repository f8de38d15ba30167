// The storefront front door: what Marketdesk is, how to join, and the category shelves.
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useMe } from '../features/auth/use-session';
import { CategoriesSection } from '../features/catalog/categories-section';

export function HomePage() {
  const me = useMe();
  return (
    <Stack gap="xl" py="lg">
      <Paper p={{ base: 'lg', sm: 48 }} radius="lg" bg="var(--mantine-primary-color-light)">
        <Stack gap="md" maw={620}>
          <Title order={1} fz={{ base: 36, sm: 52 }}>
            Marketdesk
          </Title>
          <Text size="lg">
            A marketplace for records: buy from independent sellers, or sell your collection to us with a
            transparent quote. Payments are held in escrow until your order arrives.
          </Text>
          <Group>
            {me.data ? (
              <Button component={Link} to="/account" size="md">
                Go to your account
              </Button>
            ) : (
              <>
                <Button component={Link} to="/register" size="md">
                  Create an account
                </Button>
                <Button component={Link} to="/login" size="md" variant="default">
                  Sign in
                </Button>
              </>
            )}
          </Group>
        </Stack>
      </Paper>
      <CategoriesSection />
    </Stack>
  );
}
