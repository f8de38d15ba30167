// The current time, refreshed on an interval, so "5 minutes ago" labels keep up without refetching.
import { useEffect, useState } from 'react';

export function useNow(intervalMs = 30_000) {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
