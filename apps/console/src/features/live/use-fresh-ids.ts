// "This just changed": ids marked fresh stay highlighted for a few seconds, then fade to history.
import { useCallback, useEffect, useRef, useState } from 'react';

export const freshForMs = 8_000;

export function useFreshIds(forMs = freshForMs) {
  const [fresh, setFresh] = useState<ReadonlySet<string>>(() => new Set());
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());

  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach((t) => clearTimeout(t));
  }, []);

  const mark = useCallback(
    (id: string) => {
      const previous = timers.current.get(id);
      if (previous) clearTimeout(previous);
      setFresh((s) => (s.has(id) ? s : new Set(s).add(id)));
      timers.current.set(
        id,
        setTimeout(() => {
          timers.current.delete(id);
          setFresh((s) => {
            const next = new Set(s);
            next.delete(id);
            return next;
          });
        }, forMs),
      );
    },
    [forMs],
  );

  return { fresh, mark };
}

/** Ids in `next` that `seen` has not held yet (pure, so the arrival rule is testable). */
export function arrivals(seen: ReadonlySet<string>, next: readonly string[]): string[] {
  return next.filter((id) => !seen.has(id));
}

/**
 * Highlights rows that appear after the first load (new submissions sliding into a queue). The
 * first answer is the baseline, so opening the page does not light everything up.
 */
export function useArrivals(ids: readonly string[] | undefined, forMs = freshForMs) {
  const { fresh, mark } = useFreshIds(forMs);
  const seen = useRef<Set<string> | null>(null);
  const key = ids?.join(',');
  useEffect(() => {
    if (!ids) return;
    if (!seen.current) {
      seen.current = new Set(ids);
      return;
    }
    for (const id of arrivals(seen.current, ids)) {
      seen.current.add(id);
      mark(id);
    }
    // `key` stands for `ids`: the effect runs when the list's membership changes.
  }, [key, mark]);
  return fresh;
}
