// Money, counts and grades with a fixed locale: the server and the browser must print the same
// text, or hydration would fail on a price. Dates and times are written by @marketdesk/ui's one
// formatter (<Timestamp>, which writes UTC on the server and the viewer's terms after hydration).
import { gradeLabels } from '@marketdesk/domain';
import { formatMoney } from '@marketdesk/ui';

export const LOCALE = 'en-GB';

export function money(amountMinor: number, currency: string): string {
  return formatMoney({ amountMinor, currency }, LOCALE);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The grade names the domain defines (Goldmine scale). */
export const conditionLabels: Record<string, string> = gradeLabels;

export function conditionLabel(grade: string | null | undefined): string {
  return grade ? (conditionLabels[grade] ?? grade) : 'Ungraded';
}
