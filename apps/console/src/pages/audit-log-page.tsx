// The audit log for admins (audit.view): search by actor (picked by name or email), action, object
// and dates, page back in time (keyset), export what the filters show as CSV. Read-only: history is
// never edited.
import { Anchor, Button, Group } from '@mantine/core';
import { EmptyState, ErrorState, LoadingState, PageHeader } from '@marketdesk/ui';
import { useState } from 'react';
import { AuditFilters, auditCsvHref, type AuditFilter } from '../features/audit/audit-filters';
import { AuditTable } from '../features/audit/audit-table';
import type { PeopleSearch } from '../features/people/person-picker';
import { trpc } from '../trpc';

/** The actor picker's search: the roles page's people search, for audit.view holders. */
const useAuditPeople: PeopleSearch = (q) => trpc.audit.people.useQuery({ q }, { enabled: q.length > 0, placeholderData: (previous) => previous });

export function AuditLogPage() {
  const [filter, setFilter] = useState<AuditFilter>({});
  const log = trpc.audit.search.useInfiniteQuery(
    { ...filter, ...(filter.from ? { from: new Date(filter.from) } : {}), ...(filter.to ? { to: new Date(filter.to) } : {}), limit: 50 },
    { getNextPageParam: (page) => page.nextCursor ?? undefined },
  );
  const rows = log.data?.pages.flatMap((p) => p.rows) ?? [];

  let body;
  if (log.isPending) body = <LoadingState label="Loading the audit log…" />;
  else if (log.isError) body = <ErrorState title="Could not load the audit log" error={log.error} onRetry={() => void log.refetch()} />;
  else if (rows.length === 0) body = <EmptyState title="Nothing recorded for these filters" description="Staff actions, money movements and people's changes appear here as they happen." />;
  else
    body = (
      <>
        <AuditTable rows={rows} />
        {log.hasNextPage && (
          <Group justify="center" mt="md">
            <Button variant="light" onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage}>
              Older entries
            </Button>
          </Group>
        )}
      </>
    );

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every staff action, money movement and personal-data reveal, with who, when and from where. Entries cannot be changed or deleted."
        actions={
          <Anchor href={auditCsvHref(filter)} download>
            Export CSV
          </Anchor>
        }
      />
      <AuditFilters onSearch={setFilter} usePeopleSearch={useAuditPeople} />
      {body}
    </>
  );
}
