// Reports that this listing was viewed, once per mount (the API de-duplicates repeat views).
// Fire and forget: a lost view never bothers the shopper.
import { useEffect } from 'react';
import { trpc } from '../../trpc';
import { visitorId } from './visitor-id';

export function useRecordView(listingId: string | undefined) {
  const record = trpc.discovery.recordView.useMutation();
  const { mutate } = record;
  useEffect(() => {
    if (!listingId) return;
    const id = visitorId();
    mutate(id ? { listingId, visitorId: id } : { listingId });
  }, [listingId, mutate]);
}
