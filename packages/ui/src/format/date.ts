// The one date and time formatter of both apps. Every date a person reads is written here, in the
// viewer's locale and time zone (the runtime's defaults: the browser's language and zone), in one
// of a few shapes:
//   date         "7 Dec 2026"              (en-GB) · "Dec 7, 2026"            (en-US)
//   dateTime     "7 Dec 2026, 14:47"       (en-GB) · "Dec 7, 2026, 2:47 PM"   (en-US)
//   time         "14:47"                   (en-GB) · "2:47 PM"                (en-US)
//   weekdayDate  "Tue 4 Mar"               (en-GB) · "Tue, Mar 4"             (en-US)
//   relative     "just now", "3 minutes ago", "in 2 days"
// A server rendering a page does not know the viewer's zone or language, so it writes the instant in
// UTC with the zone named ("7 Dec 2026, 14:47 UTC", SERVER_LOCALE) and the browser re-writes it after
// hydration (the <Timestamp> component does both). A calendar day (a delivery date counted in UTC
// business days) is the same day everywhere: pass `timeZone: 'UTC'` and it is never shifted.
// `now`, `locale` and `timeZone` are parameters so results are testable and stable.

export type DateInput = Date | string | number;

export type DateShape = 'date' | 'dateTime' | 'time' | 'weekdayDate';

export interface DateFormatOptions {
  /** BCP 47 language tag; the viewer's (the runtime default) when absent. */
  locale?: string;
  /** IANA zone; the viewer's (the runtime default) when absent. */
  timeZone?: string;
  /** Name the zone after the time ("14:47 UTC"): for text written without knowing the viewer's zone. */
  showZone?: boolean;
}

/** What a server writes before the browser knows better. */
export const SERVER_LOCALE = 'en-GB';
export const SERVER_TIME_ZONE = 'UTC';

export function toDate(value: DateInput): Date {
  return value instanceof Date ? value : new Date(value);
}

/** `<time dateTime>`'s machine-readable value. */
export function toIsoString(value: DateInput): string {
  return toDate(value).toISOString();
}

const fields: Record<DateShape, Intl.DateTimeFormatOptions> = {
  date: { day: 'numeric', month: 'short', year: 'numeric' },
  dateTime: { day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit' },
  time: { hour: 'numeric', minute: '2-digit' },
  weekdayDate: { weekday: 'short', day: 'numeric', month: 'short' },
};

const hasTime = (shape: DateShape) => shape === 'dateTime' || shape === 'time';

/** Two-digit hours where the locale counts 0–23 ("09:05"), as its own short time style does; "9:05 AM" elsewhere. */
function hourField(locale: string | undefined): Intl.DateTimeFormatOptions['hour'] {
  const cycle = new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions().hourCycle;
  return cycle === 'h23' || cycle === 'h24' ? '2-digit' : 'numeric';
}

// Building an Intl.DateTimeFormat is the expensive part; tables and timelines format hundreds.
const cache = new Map<string, Intl.DateTimeFormat>();

function formatterFor(shape: DateShape, options: DateFormatOptions): Intl.DateTimeFormat {
  const zoneName = options.showZone === true && hasTime(shape);
  const key = `${shape}|${options.locale ?? ''}|${options.timeZone ?? ''}|${zoneName}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(options.locale, {
      ...fields[shape],
      ...(hasTime(shape) ? { hour: hourField(options.locale) } : {}),
      ...(options.timeZone ? { timeZone: options.timeZone } : {}),
      ...(zoneName ? { timeZoneName: 'short' } : {}),
    });
    cache.set(key, format);
  }
  return format;
}

/** An instant in one of the shapes above. */
export function formatInstant(value: DateInput, shape: DateShape, options: DateFormatOptions = {}): string {
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return '—';
  return formatterFor(shape, options).format(date);
}

export function formatDate(value: DateInput, options?: DateFormatOptions): string {
  return formatInstant(value, 'date', options);
}

export function formatDateTime(value: DateInput, options?: DateFormatOptions): string {
  return formatInstant(value, 'dateTime', options);
}

export function formatTime(value: DateInput, options?: DateFormatOptions): string {
  return formatInstant(value, 'time', options);
}

/** "Tue 4 Mar – Fri 7 Mar": a window of calendar days (pass `timeZone: 'UTC'` for UTC days). */
export function formatDayRange(from: DateInput, to: DateInput, options?: DateFormatOptions): string {
  return `${formatInstant(from, 'weekdayDate', options)} – ${formatInstant(to, 'weekdayDate', options)}`;
}

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "just now", "3 minutes ago", "in 2 days". Under 45 seconds reads as "just now". */
export function formatRelativeTime(value: DateInput, now: DateInput = new Date(), locale?: string): string {
  const diffSeconds = Math.round((toDate(value).getTime() - toDate(now).getTime()) / 1000);
  if (Number.isNaN(diffSeconds)) return '—';
  const abs = Math.abs(diffSeconds);
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  if (abs < 45) return rtf.format(0, 'second') === 'now' ? 'just now' : rtf.format(0, 'second');
  for (const [unit, seconds] of units) {
    if (abs >= seconds) return rtf.format(Math.round(diffSeconds / seconds), unit);
  }
  return rtf.format(diffSeconds, 'second');
}

/** The text a server writes for an instant: UTC, the zone named, in SERVER_LOCALE. */
export function formatOnServer(value: DateInput, shape: DateShape | 'relative', options: Pick<DateFormatOptions, 'timeZone'> = {}): string {
  // A relative time depends on the reader's clock: the server writes the instant itself.
  const absolute: DateShape = shape === 'relative' ? 'dateTime' : shape;
  return formatInstant(value, absolute, { locale: SERVER_LOCALE, timeZone: options.timeZone ?? SERVER_TIME_ZONE, showZone: options.timeZone === undefined });
}
