// An instant as a person reads it: <time dateTime="ISO">, written by the one formatter
// (format/date.ts) in the viewer's locale and zone. A server-rendered page (the storefront) cannot
// know them, so the server and the hydrating browser both write the instant in UTC with the zone
// named; right after hydration the browser writes it again in the viewer's own terms. Both renders
// of the hydration pass agree, so React reports no mismatch. In a page rendered only in the browser
// (the console, or after a client-side navigation) the viewer's text is the first and only render.
import { useEffect, useState, useSyncExternalStore } from 'react';
import { formatDateTime, formatInstant, formatOnServer, formatRelativeTime, toDate, toIsoString, type DateInput, type DateShape } from '../format/date';

const subscribeNever = () => () => {};

/** False while rendering on the server and while hydrating its markup; true afterwards. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  );
}

/** The current time, refreshed on an interval, so "5 minutes ago" keeps up without refetching. */
export function useNow(intervalMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

export interface TimestampProps {
  value: DateInput;
  /** date "7 Dec 2026" · dateTime "7 Dec 2026, 14:47" (default) · time "14:47" · weekdayDate "Tue 4 Mar" · relative "3 minutes ago" */
  shape?: DateShape | 'relative';
  /**
   * A fixed zone for a calendar day that is the same everywhere (delivery dates are UTC business
   * days: `timeZone="UTC"`). Without it, the viewer's zone.
   */
  timeZone?: string;
  /** For `relative`: the caller's ticking clock (one `useNow()` for a whole list). */
  now?: Date;
}

export function Timestamp({ value, shape = 'dateTime', timeZone, now }: TimestampProps) {
  const hydrated = useHydrated();
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return <>—</>;
  const iso = toIsoString(date);
  if (!hydrated) {
    const text = formatOnServer(date, shape, timeZone ? { timeZone } : {});
    return <time dateTime={iso}>{text}</time>;
  }
  if (shape === 'relative') return <RelativeTimestamp date={date} iso={iso} now={now} />;
  const text = formatInstant(date, shape, timeZone ? { timeZone } : {});
  // A date alone hides the hour; the tooltip gives the exact moment in the viewer's zone.
  const title = shape === 'date' && !timeZone ? formatDateTime(date) : undefined;
  return (
    <time dateTime={iso} title={title}>
      {text}
    </time>
  );
}

function RelativeTimestamp({ date, iso, now }: { date: Date; iso: string; now: Date | undefined }) {
  const ticking = useNow(now ? 3_600_000 : 30_000);
  return (
    <time dateTime={iso} title={formatDateTime(date)}>
      {formatRelativeTime(date, now ?? ticking)}
    </time>
  );
}
