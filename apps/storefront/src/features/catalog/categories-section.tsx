// The category tree from the API (seeded demo categories). Listings are not built yet, so the
// cards name what will be sold here without pretending there is stock behind them.
import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { EmptyState, ErrorState, LoadingState } from '@marketdesk/ui';
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
                {category.name}
              </Title>
              {category.children.length > 0 && (
                <Group gap={6}>
                  {category.children.map((child) => (
                    <Badge key={child.id} variant="light" tt="none">
                      {child.name}
                    </Badge>
                  ))}
                </Group>
              )}
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    );
  }
  return (
    <Stack gap="sm">
      <Stack gap={2}>
        <Title order={2} size="h3">
          Categories
        </Title>
        <Text c="dimmed" size="sm">
          Listings and search arrive with the catalog; these are the shelves they will fill.
        </Text>
      </Stack>
      {body}
    </Stack>
  );
}
