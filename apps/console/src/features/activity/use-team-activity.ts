// The Team activity feed: `activity.list` writes each event of the staff room as a sentence with
// what it is about (the API's one label table); live events in the rooms we follow make us ask
// again, so the feed never relabels an event itself. After every reconnect the list is the source
// of truth for what we missed. Entries that appear after the first answer are highlighted.
import { useCallback, useEffect, useRef } from 'react';
import { useLiveEvents, useOnConnect, useRoom } from '@marketdesk/ui/app';
import { useArrivals } from '../live/use-fresh-ids';
import { trpc } from '../../trpc';

/** A burst of events (a transition and its transfers, a bulk action) makes one request. */
const REFETCH_AFTER_MS = 300;

export function useTeamActivity(limit = 50) {
  const list = trpc.activity.list.useQuery({ limit });
  const room = useRoom('team:all');
  const { refetch } = list;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const scheduleRefetch = useCallback(() => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      void refetch();
    }, REFETCH_AFTER_MS);
  }, [refetch]);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  useOnConnect(scheduleRefetch);
  useLiveEvents((event) => {
    // Already listed (we asked after it arrived): nothing new.
    if (list.data?.some((e) => e.id === event.id)) return;
    scheduleRefetch();
  });

  const freshIds = useArrivals(list.data?.map((e) => e.id));
  return { entries: list.data ?? [], freshIds, list, subscribeError: room.error };
}
