import { HOUR_MS, disputeSlaFor, queueSlaTargetMs, slaDeadlines, startMachine } from '@marketdesk/domain';
import { afterEach, describe, expect, it } from 'vitest';
import { configWith } from '../../env.js';
import { setSupportHolidayRegion, supportSla, supportSlaFor } from './support-calendar.js';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

afterEach(() => setSupportHolidayRegion(configWith({}).SLA_HOLIDAY_REGION));

// The same deadlines as packages/domain/src/sla/sla.test.ts, on the calendar the API really runs:
// support hours from the domain, England and Wales's bank holidays from date-holidays. The old hand
// list ended on 2026-12-28, so each of these came out days early.
describe('dispute deadlines on the support calendar (GB-ENG, date-holidays)', () => {
  const rows: [string, string, string, string, string][] = [
    ['open', '2026-12-31T16:30:00Z', '2027-01-04T12:00:00.000Z', '2027-01-04T11:00:00.000Z', 'opened late on Thu 31 Dec 2026, across New Year 2027 (a Friday)'],
    ['under_review', '2027-03-25T16:00:00Z', '2027-04-01T13:30:00.000Z', '2027-03-31T16:00:00.000Z', 'across Easter 2027 (Good Friday 26, Easter Monday 29 March) into BST'],
    ['awaiting_seller', '2027-12-24T13:00:00Z', '2027-12-30T12:00:00.000Z', '2027-12-29T16:30:00.000Z', 'across Christmas 2027 (Sat/Sun) and its substitutes Mon 27 and Tue 28 Dec'],
    ['open', '2027-12-31T15:00:00Z', '2028-01-04T10:30:00.000Z', '2028-01-04T09:30:00.000Z', 'across New Year 2028 (a Saturday) and its substitute Mon 3 Jan'],
    ['awaiting_buyer', '2028-04-13T15:30:00Z', '2028-04-19T14:30:00.000Z', '2028-04-19T10:30:00.000Z', 'across Easter 2028 (Good Friday 14, Easter Monday 17 April)'],
  ];
  it.each(rows)('%s entered %s is due %s (at risk %s): %s', (state, entered, due, atRisk) => {
    const sla = disputeSlaFor(state, at(entered), supportSla().disputePolicy)!;
    expect({ due: iso(sla.dueAtMs), atRisk: iso(sla.atRiskAtMs) }).toEqual({ due, atRisk });
  });

  it('the dispute machine schedules its timers on the same calendar', () => {
    const context = { disputeId: 'd1', orderId: 'o1', buyerId: 'b1', sellerId: 's1', currency: 'GBP' as const, amountMinor: 1_000, agentRefundLimitMinor: 20_000, escalated: false, closeAfterMs: 1 };
    const { timers } = startMachine(supportSla().disputeMachine, context, at('2026-12-31T16:30:00Z'));
    expect(timers.schedule.map((t) => [t.command, iso(t.fireAtMs)])).toEqual([
      ['sla_at_risk', '2027-01-04T11:00:00.000Z'],
      ['sla_breach', '2027-01-04T12:00:00.000Z'],
    ]);
  });

  it('queue rows get their SLA on it too: fraud review (4 h) over Christmas 2027', () => {
    expect(queueSlaTargetMs.fraud).toBe(4 * HOUR_MS);
    expect(iso(slaDeadlines(at('2027-12-24T16:30:00Z'), queueSlaTargetMs.fraud, supportSla().calendar).dueAtMs)).toBe('2027-12-29T12:00:00.000Z');
  });
});

describe('SLA_HOLIDAY_REGION', () => {
  it('defaults to England (GB-ENG), and refuses a region date-holidays does not know', () => {
    expect(configWith({}).SLA_HOLIDAY_REGION).toBe('GB-ENG');
    expect(supportSla().region).toBe('GB-ENG');
    expect(supportSla().calendar.holidays.region).toBe('GB-ENG');
    expect(configWith({ SLA_HOLIDAY_REGION: 'GB-SCT' }).SLA_HOLIDAY_REGION).toBe('GB-SCT');
    expect(() => configWith({ SLA_HOLIDAY_REGION: 'GB-XYZ' })).toThrow(/SLA_HOLIDAY_REGION: date-holidays does not know this region/);
    expect(() => configWith({ SLA_HOLIDAY_REGION: 'england' })).toThrow(/SLA_HOLIDAY_REGION: expected a country code/);
  });

  it('moves every clock to the configured region: Scotland works Easter Monday 2027 but not 2 January 2028', () => {
    setSupportHolidayRegion('GB-SCT');
    expect(supportSla().region).toBe('GB-SCT');
    const easter = disputeSlaFor('open', at('2027-03-25T16:00:00Z'), supportSla().disputePolicy)!;
    expect(iso(easter.dueAtMs)).toBe('2027-03-29T10:30:00.000Z'); // 1.5 h Thu, Good Friday off, 2.5 h on Easter Monday (BST)
    expect(supportSlaFor('GB-ENG').calendar.holidays.holidaysIn(2028)).not.toContain('2028-01-04');
    expect(supportSla().calendar.holidays.holidaysIn(2028)).toEqual(expect.arrayContaining(['2028-01-03', '2028-01-04']));
  });
});
