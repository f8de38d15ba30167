// "Export CSV" for the view on screen (its filters and sort): starts the export job, follows it on
// live `queue.export.progress` events with exportStatus polled every 2 s as a fallback (events can be
// missed across a reconnect), then offers the file. The states themselves live in export-progress.ts.
import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core';
import type { QueueFilter, QueueName, QueueSort } from '@marketdesk/domain';
import { useLiveEvents } from '@marketdesk/ui/app';
import { useEffect, useReducer } from 'react';
import { trpc } from '../../trpc';
import { exportPercent, exportTransition, idleExport } from './export-progress';

const pollEveryMs = 2_000;

export function useQueueExport({ queue, filter, sort }: { queue: QueueName; filter: QueueFilter; sort: QueueSort }) {
  const [state, dispatch] = useReducer(exportTransition, idleExport);
  const start = trpc.queues.export.useMutation({
    onMutate: () => dispatch({ type: 'start' }),
    onSuccess: ({ exportId }) => dispatch({ type: 'started', exportId }),
    onError: (error) => dispatch({ type: 'startFailed', message: error.message }),
  });
  const status = trpc.queues.exportStatus.useQuery(
    { id: state.exportId ?? '' },
    { enabled: state.phase === 'running' && !!state.exportId, refetchInterval: pollEveryMs, gcTime: 0 },
  );
  useEffect(() => {
    const d = status.data;
    if (d) dispatch({ type: 'status', exportId: d.id, state: d.state, rows: d.rows, downloadUrl: d.downloadUrl, error: d.error });
  }, [status.data]);
  useLiveEvents((event) => {
    if (event.name === 'queue.export.progress') dispatch({ type: 'progress', ...event.payload });
  });
  return {
    state,
    run: () => start.mutate({ queue, filter, sort }),
    reset: () => dispatch({ type: 'reset' }),
  };
}

export type QueueExportHandle = ReturnType<typeof useQueueExport>;

/** The header button. */
export function ExportButton({ exp }: { exp: QueueExportHandle }) {
  const busy = exp.state.phase === 'starting' || exp.state.phase === 'running';
  return (
    <Button size="xs" variant="default" onClick={exp.run} loading={busy} loaderProps={{ type: 'dots' }}>
      Export CSV
    </Button>
  );
}

/** Progress, the download link, or the failure, under the header. */
export function ExportStatus({ exp }: { exp: QueueExportHandle }) {
  const { state } = exp;
  if (state.phase === 'idle') return null;
  if (state.phase === 'failed') {
    return (
      <Alert color="red" title="The export failed" withCloseButton onClose={exp.reset} closeButtonLabel="Dismiss" mb="sm" role="alert">
        <Stack gap={6} align="flex-start">
          <Text size="sm">{state.error}</Text>
          <Button size="xs" variant="light" color="red" onClick={exp.run}>
            Try again
          </Button>
        </Stack>
      </Alert>
    );
  }
  if (state.phase === 'ready') {
    return (
      <Alert color="green" title="Your export is ready" withCloseButton onClose={exp.reset} closeButtonLabel="Dismiss" mb="sm">
        <Group gap="sm">
          <Text size="sm">
            {state.rows} {state.rows === 1 ? 'row' : 'rows'}
          </Text>
          <Button size="xs" component="a" href={state.downloadUrl ?? undefined} download>
            Download CSV
          </Button>
        </Group>
      </Alert>
    );
  }
  const pct = exportPercent(state);
  return (
    <Stack gap={4} mb="sm">
      <Text size="sm" id="export-progress-label">
        {state.phase === 'starting' ? 'Starting the export…' : state.total == null ? `Exporting… ${state.rows} rows` : `Exporting… ${state.rows} of ${state.total} rows`}
      </Text>
      <Progress value={pct ?? 100} animated striped={pct == null} aria-labelledby="export-progress-label" />
    </Stack>
  );
}
