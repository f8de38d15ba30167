import { describe, expect, it } from 'vitest';
import { loadConfig } from '../env.js';

describe('JOBS_TIME_ZONE', () => {
  it('is UTC unless set, and takes any IANA zone', () => {
    expect(loadConfig({}).JOBS_TIME_ZONE).toBe('UTC');
    expect(loadConfig({ JOBS_TIME_ZONE: 'Europe/London' }).JOBS_TIME_ZONE).toBe('Europe/London');
    expect(loadConfig({ JOBS_TIME_ZONE: 'America/Argentina/Buenos_Aires' }).JOBS_TIME_ZONE).toBe('America/Argentina/Buenos_Aires');
  });

  it('refuses what is not a zone, and offsets (cron schedules need a zone with its daylight saving)', () => {
    for (const bad of ['Mars/Olympus_Mons', '+02:00', 'Europe/ London', 'CET;rm']) {
      expect(() => loadConfig({ JOBS_TIME_ZONE: bad }), bad).toThrow(/JOBS_TIME_ZONE: expected an IANA time zone such as UTC or Europe\/London/);
    }
  });
});
