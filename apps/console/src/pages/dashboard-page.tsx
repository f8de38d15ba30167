// The landing page: the work waiting for you (a seller's orders and listings; for staff, every queue
// they may see, live), who you are, and (for staff) the latest team activity.
import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { PageHeader } from '@marketdesk/ui';
import { Link } from 'react-router';
import { ActivityFeed } from '../features/activity/activity-feed';
import { can, useMe } from '../features/auth/use-session';
import { QueueOverview } from '../features/dashboard/queue-overview';
import { WorkCards } from '../features/dashboard/work-cards';

export function DashboardPage() {
  const me = useMe();
  const staff = can(me.data, 'activity.view');
  return (
    <>
      <PageHeader title="Dashboard" description={me.data ? `Welcome back, ${me.data.displayName}.` : undefined} />
      {me.data && <WorkCards me={me.data} />}
      {me.data && <QueueOverview me={me.data} />}
      <SimpleGrid cols={{ base: 1, md: staff ? 3 : 1 }} spacing="lg">
        <Card withBorder radius="md" padding="lg" style={{ alignSelf: 'start' }}>
          <Stack gap="xs">
            <Text size="sm" c="dimmed">
              Signed in as
            </Text>
            <Text fw={600}>{me.data?.email}</Text>
            <Group gap="xs">
              {me.data?.roles.map((role) => (
                <Badge key={role} variant="light">
                  {role}
                </Badge>
              ))}
            </Group>
          </Stack>
        </Card>
        {staff && (
          <Card withBorder radius="md" padding="lg" style={{ gridColumn: 'span 2' }}>
            <Group justify="space-between" mb="sm">
              <Title order={2} size="h4">
                Latest activity
              </Title>
              <Button component={Link} to="/activity" variant="subtle" size="xs">
                See all
              </Button>
            </Group>
            <ActivityFeed limit={5} />
          </Card>
        )}
      </SimpleGrid>
    </>
  );
}
