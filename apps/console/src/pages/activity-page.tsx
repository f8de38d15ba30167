import { PageHeader } from '@marketdesk/ui';
import { ActivityFeed } from '../features/activity/activity-feed';

export function ActivityPage() {
  return (
    <>
      <PageHeader title="Team activity" description="What is happening across Marketdesk, live." />
      <ActivityFeed limit={100} />
    </>
  );
}
