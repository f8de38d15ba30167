// A drawer's subject follows its queue row: every change bumps the row's version, so when it moves
// (a colleague decided, the seller answered) the subject is fetched again.
import { useEffect, useRef } from 'react';
import type { QueueRow } from './queue-rows';

export function useFollowRow(row: QueueRow, refetch: () => unknown): void {
  const last = useRef(row.version);
  useEffect(() => {
    if (last.current === row.version) return;
    last.current = row.version;
    void refetch();
  }, [row.version, refetch]);
}
