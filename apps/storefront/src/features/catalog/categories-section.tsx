// The category tree: each top-level shelf with its sub-shelves, all linking to category pages.
import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { EmptyState, ErrorState, LoadingState } from '@marketdesk/ui';
import { Link } from 'react-router';
import { trpc } from '../../trpc';

export function CategoriesSection() {
  const categories = trpc.catalog.categories.useQuery();
  let body;
  if (categories.isPending) body = <LoadingState label="Loading categories…" rows={2} />;
  else if (categories.isError) {
    body = <ErrorState title="Could not load categories" error={categories.error} onRetry={() => void categories.refetch()} />;
  } else if (categories.data.length === 0) {
    body = <EmptyState title="No categories yet" description="Categories appear here once the catalog is set up." />;
  } else {
    body = (
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
        {categories.data.map((category) => (
          <Card key={category.id} withBorder radius="md" padding="lg" component="section" aria-label={category.name}>
            <Stack gap="xs">
              <Title order={3} size="h4">
                <Anchor component={Link} to={`/c/${category.slug}`} c="var(--mantine-color-text)">
                  {category.name}
                </Anchor>
              </Title>
              {category.children.length > 0 ? (
                <Group gap={6}>
                  {category.children.map((child) => (
                    <Badge key={child.id} component={Link} to={`/c/${child.slug}`} variant="light" tt="none" style={{ cursor: 'pointer' }}>
                      {child.name}
                    </Badge>
                  ))}
                </Group>
              ) : (
                <Text size="sm" c="dimmed">
                  Browse everything on this shelf.
                </Text>
              )}
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    );
  }
  return (
    <Stack gap="sm" component="section" aria-labelledby="categories">
      <Title order={2} size="h3" id="categories">
        Categories
      </Title>
      {body}
    </Stack>
  );
}
