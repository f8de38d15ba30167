// Formatting with a fixed locale and time zone: the server and the browser must print the same
// text, or hydration would fail on a price or a date.
import { gradeLabels } from '@marketdesk/domain';
import { formatMoney } from '@marketdesk/ui';

export const LOCALE = 'en-GB';

export function money(amountMinor: number, currency: string): string {
  return formatMoney({ amountMinor, currency }, LOCALE);
}

const dayFormat = new Intl.DateTimeFormat(LOCALE, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
const dateFormat = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const dateTimeFormat = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });

/** "Tue 4 Mar – Fri 7 Mar": delivery windows are counted in UTC business days. */
export function deliveryWindow(earliest: Date | string, latest: Date | string): string {
  return `${dayFormat.format(new Date(earliest))} – ${dayFormat.format(new Date(latest))}`;
}

export function day(value: Date | string): string {
  return dateFormat.format(new Date(value));
}

export function dayTime(value: Date | string): string {
  return `${dateTimeFormat.format(new Date(value))} UTC`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The grade names the domain defines (Goldmine scale). */
export const conditionLabels: Record<string, string> = gradeLabels;

export function conditionLabel(grade: string | null | undefined): string {
  return grade ? (conditionLabels[grade] ?? grade) : 'Ungraded';
}
