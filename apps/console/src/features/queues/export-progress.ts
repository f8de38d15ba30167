// The state of one CSV export as the person who asked sees it: a pure transition over what we learn
// (the mutation's answer, live `queue.export.progress` events, the fallback exportStatus poll). Events
// and polls can arrive in any order and for older exports, so: other exports are ignored, rows never
// go backwards, and a finished export (ready/failed) stays finished.

export type ExportPhase = 'idle' | 'starting' | 'running' | 'ready' | 'failed';

export interface ExportProgress {
  phase: ExportPhase;
  exportId: string | null;
  rows: number;
  /** Rows the view had when the job counted it; null until the job reports it. */
  total: number | null;
  downloadUrl: string | null;
  error: string | null;
}

export type ExportEvent =
  | { type: 'start' }
  | { type: 'started'; exportId: string }
  | { type: 'startFailed'; message: string }
  | { type: 'progress'; exportId: string; rows: number; total: number | null; state: 'running' | 'ready' | 'failed' }
  | { type: 'status'; exportId: string; state: string; rows: number; downloadUrl: string | null; error?: string | null }
  | { type: 'reset' };

export const idleExport: ExportProgress = { phase: 'idle', exportId: null, rows: 0, total: null, downloadUrl: null, error: null };

const failedMessage = 'The export failed. Try again; if it keeps failing, narrow the filters.';

export function exportTransition(s: ExportProgress, e: ExportEvent): ExportProgress {
  switch (e.type) {
    case 'start':
      return { ...idleExport, phase: 'starting' };
    case 'started':
      return s.phase === 'starting' ? { ...s, phase: 'running', exportId: e.exportId } : s;
    case 'startFailed':
      return { ...idleExport, phase: 'failed', error: e.message };
    case 'reset':
      return idleExport;
    case 'progress':
    case 'status': {
      if (e.exportId !== s.exportId || s.phase === 'ready' || s.phase === 'failed') return s;
      const total = e.type === 'progress' ? (e.total ?? s.total) : s.total;
      const rows = Math.max(s.rows, e.rows);
      if (e.state === 'failed') return { ...s, phase: 'failed', error: (e.type === 'status' && e.error) || failedMessage };
      if (e.state === 'ready') {
        // The live event has no URL; the status poll does, and the route is fixed, so either will do.
        const downloadUrl = (e.type === 'status' && e.downloadUrl) || `/files/exports/${e.exportId}`;
        return { ...s, phase: 'ready', rows: e.rows, total: total ?? e.rows, downloadUrl };
      }
      return { ...s, rows, total };
    }
  }
}

/** Share done, 0–100, for the progress bar; null while the total is unknown (bar runs indeterminate). */
export function exportPercent(s: ExportProgress): number | null {
  if (s.phase === 'ready') return 100;
  if (s.total == null) return null;
  if (s.total === 0) return 0;
  return Math.min(100, (s.rows / s.total) * 100);
}
