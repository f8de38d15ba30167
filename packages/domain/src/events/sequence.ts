// Client-side bookkeeping for per-stream sequences: apply each event once, notice gaps.
// Pure so both clients and tests share it.

export type SequenceVerdict = 'apply' | 'duplicate' | 'gap';

/** Decide what to do with an event given the last sequence applied for its stream. */
export function judgeSequence(lastApplied: number | undefined, seq: number): SequenceVerdict {
  if (lastApplied === undefined) return 'apply';
  if (seq <= lastApplied) return 'duplicate';
  if (seq === lastApplied + 1) return 'apply';
  return 'gap';
}
