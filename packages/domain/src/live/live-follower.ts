// Following live streams on a client: the one rule every live view uses (a chat thread, an order's
// timeline, a work queue). Each event belongs to a stream and carries its 1, 2, 3… within it
// (LiveEvent.seq). The follower applies each event once and in order, skips duplicates and older
// ones (the outbox relay delivers at least once), and on a gap asks for a refetch instead of
// guessing: the server's answer is the truth for what the socket missed. The answer then says how
// far each stream it covers goes, and the follower resumes from there — or asks again when events
// past that point arrived meanwhile. Pure: the caller keeps the state and runs the steps
// (@marketdesk/ui's useLiveFollower does, for React).
import { judgeSequence, type SequenceVerdict } from '../events/sequence.js';

/** Per stream, a sequence number. */
export type StreamPositions = ReadonlyMap<string, number>;

export interface LiveFollower {
  /** Per stream: the last sequence applied, or covered by an answer (the view shows everything up to it). */
  readonly applied: StreamPositions;
  /** Per stream: the highest sequence seen, applied or not. Above `applied`, only a refetch closes the gap. */
  readonly seen: StreamPositions;
  /**
   * Streams that only an answer places (a chat's first page says `headSeq`, an order its
   * `streamSeq`): their events before it are only noted, and fetched if the answer turns out older.
   * Every other stream is placed by its first event (a queue row's stream: each event is the whole row).
   */
  readonly awaiting: ReadonlySet<string>;
}

/** What to do with one event: apply it, skip it (a duplicate, an older one, or not placed yet), or refetch. */
export type FollowStep = 'apply' | 'skip' | 'refetch';

export interface Followed {
  follower: LiveFollower;
  step: FollowStep;
  /** Why, for logs and tests: the sequence verdict, or `unplaced` while its stream awaits an answer. */
  verdict: SequenceVerdict | 'unplaced';
}

export interface StreamEvent {
  stream: string;
  seq: number;
}

function withMax(positions: StreamPositions, stream: string, seq: number): StreamPositions {
  const current = positions.get(stream);
  if (current !== undefined && current >= seq) return positions;
  return new Map(positions).set(stream, seq);
}

export function startFollowing(awaiting: Iterable<string> = []): LiveFollower {
  return { applied: new Map(), seen: new Map(), awaiting: new Set(awaiting) };
}

/** Judge one event of a followed stream (judgeSequence against the last applied) and move the follower. */
export function followEvent(follower: LiveFollower, event: StreamEvent): Followed {
  const applied = follower.applied.get(event.stream);
  const seen = withMax(follower.seen, event.stream, event.seq);
  if (applied === undefined && follower.awaiting.has(event.stream)) {
    return { follower: { ...follower, seen }, step: 'skip', verdict: 'unplaced' };
  }
  const verdict = judgeSequence(applied, event.seq);
  if (verdict === 'duplicate') return { follower, step: 'skip', verdict };
  if (verdict === 'gap') return { follower: { ...follower, seen }, step: 'refetch', verdict };
  return { follower: { ...follower, applied: withMax(follower.applied, event.stream, event.seq), seen }, step: 'apply', verdict };
}

/**
 * How far a refetch asked for now is sure to reach: every event seen so far, since an event is
 * published only after its change committed. Streams still awaiting their first answer are left
 * out: only an answer's own position places them.
 */
export function coveredByRefetchNow(follower: LiveFollower): StreamPositions {
  return new Map([...follower.seen].filter(([stream]) => follower.applied.has(stream) || !follower.awaiting.has(stream)));
}

/** Streams that saw events past what was applied: a refetch is still owed. */
export function isBehind(follower: LiveFollower): boolean {
  for (const [stream, seen] of follower.seen) {
    const applied = follower.applied.get(stream);
    if (applied !== undefined && seen > applied) return true;
  }
  return false;
}

/**
 * An answer arrived covering each stream up to `covered`: resume from there (never back: an answer
 * older than what was applied moves nothing). `behind` says events past the answer were seen
 * meanwhile (or before a stream was placed), so the caller should refetch again.
 */
export function resumeFollowing(follower: LiveFollower, covered: StreamPositions): { follower: LiveFollower; behind: boolean } {
  let applied = follower.applied;
  for (const [stream, seq] of covered) applied = withMax(applied, stream, seq);
  const next = { ...follower, applied };
  return { follower: next, behind: isBehind(next) };
}

/**
 * After a refetch asked when the follower had seen `asked` (coveredByRefetchNow) has resumed it: is
 * another owed? Yes for a stream still behind because events arrived after the refetch was asked.
 * A stream still behind on what it had seen when asking is not asked again: that answer could not
 * say more, and asking in a loop would not change it (the next event or reconnect asks anew).
 */
export function refetchOwed(follower: LiveFollower, asked: StreamPositions): boolean {
  for (const [stream, seen] of follower.seen) {
    const applied = follower.applied.get(stream);
    if (applied !== undefined && seen > applied && seen > (asked.get(stream) ?? 0)) return true;
  }
  return false;
}
