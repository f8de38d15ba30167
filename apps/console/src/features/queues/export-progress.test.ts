import { describe, expect, it } from 'vitest';
import { exportPercent, exportTransition, idleExport, type ExportEvent, type ExportProgress } from './export-progress';

const run = (...events: ExportEvent[]): ExportProgress => events.reduce(exportTransition, idleExport);
const id = 'e1';

describe('exportTransition', () => {
  it('follows live progress to ready, with the fixed download route', () => {
    const s = run({ type: 'start' }, { type: 'started', exportId: id }, { type: 'progress', exportId: id, rows: 1000, total: 2500, state: 'running' });
    expect(s).toMatchObject({ phase: 'running', rows: 1000, total: 2500 });
    expect(exportPercent(s)).toBe(40);
    const done = exportTransition(s, { type: 'progress', exportId: id, rows: 2500, total: 2500, state: 'ready' });
    expect(done).toMatchObject({ phase: 'ready', rows: 2500, downloadUrl: '/files/exports/e1' });
    expect(exportPercent(done)).toBe(100);
  });

  it('takes the poll as a fallback and its download URL', () => {
    const s = run({ type: 'start' }, { type: 'started', exportId: id }, { type: 'status', exportId: id, state: 'running', rows: 300, downloadUrl: null });
    expect(s).toMatchObject({ phase: 'running', rows: 300, total: null });
    expect(exportPercent(s)).toBeNull();
    expect(exportTransition(s, { type: 'status', exportId: id, state: 'ready', rows: 320, downloadUrl: '/files/exports/e1?x' })).toMatchObject({ phase: 'ready', rows: 320, total: 320, downloadUrl: '/files/exports/e1?x' });
  });

  it('ignores other exports, stale rows and anything after the end', () => {
    const s = run({ type: 'start' }, { type: 'started', exportId: id }, { type: 'progress', exportId: id, rows: 2000, total: 3000, state: 'running' });
    expect(exportTransition(s, { type: 'progress', exportId: 'other', rows: 9, total: 9, state: 'ready' })).toBe(s);
    expect(exportTransition(s, { type: 'status', exportId: id, state: 'running', rows: 1000, downloadUrl: null }).rows).toBe(2000);
    const ready = exportTransition(s, { type: 'progress', exportId: id, rows: 3000, total: 3000, state: 'ready' });
    expect(exportTransition(ready, { type: 'status', exportId: id, state: 'running', rows: 2000, downloadUrl: null })).toBe(ready);
  });

  it('shows failures clearly, from the job or from asking', () => {
    const s = run({ type: 'start' }, { type: 'started', exportId: id }, { type: 'status', exportId: id, state: 'failed', rows: 0, downloadUrl: null, error: 'disk full' });
    expect(s).toMatchObject({ phase: 'failed', error: 'disk full' });
    expect(run({ type: 'start' }, { type: 'started', exportId: id }, { type: 'progress', exportId: id, rows: 0, total: 5, state: 'failed' }).error).toMatch(/failed/);
    expect(run({ type: 'start' }, { type: 'startFailed', message: 'Not allowed' })).toMatchObject({ phase: 'failed', error: 'Not allowed', exportId: null });
  });

  it('a started answer only counts while starting', () => {
    expect(run({ type: 'started', exportId: id })).toBe(idleExport);
  });
});
