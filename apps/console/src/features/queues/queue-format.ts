// How queue figures read: a time to decision in the two largest units ("2 h 10 min"), and a ratio
// as a whole percentage. A missing figure (no decisions in the window yet) reads as a dash, never 0.

const units = [
  { label: 'd', seconds: 86_400 },
  { label: 'h', seconds: 3_600 },
  { label: 'min', seconds: 60 },
  { label: 's', seconds: 1 },
] as const;

/** 7800 → "2 h 10 min"; 90061 → "1 d 1 h"; 42 → "42 s"; null → "—". Two units are enough to compare. */
export function formatDurationSeconds(seconds: number | null | undefined): string {
  if (seconds == null || !Number.isFinite(seconds) || seconds < 0) return '—';
  let rest = Math.round(seconds);
  if (rest === 0) return '0 s';
  const parts: string[] = [];
  for (const unit of units) {
    const n = Math.floor(rest / unit.seconds);
    // After the largest unit only the next one follows, and only when non-zero ("2 h", not "2 h 0 min").
    if (n > 0) parts.push(`${n} ${unit.label}`);
    rest -= n * unit.seconds;
    if (parts.length > 0 && (parts.length === 2 || n === 0)) break;
  }
  return parts.join(' ');
}

/** 0.734 → "73%"; null → "—". "100%" means every one and "0%" none: 0.996 reads "99%", 0.004 "1%". */
export function formatPercent(ratio: number | null | undefined): string {
  if (ratio == null || !Number.isFinite(ratio)) return '—';
  const pct = ratio * 100;
  const shown = pct < 100 && pct > 99 ? 99 : pct > 0 && pct < 1 ? 1 : Math.round(pct);
  return `${shown}%`;
}
