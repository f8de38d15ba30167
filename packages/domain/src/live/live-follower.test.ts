import { describe, expect, it } from 'vitest';
import { coveredByRefetchNow, followEvent, isBehind, refetchOwed, resumeFollowing, startFollowing, type FollowStep, type LiveFollower } from './live-follower.js';

/** Feed events in order; returns the follower and the step taken for each. */
function feed(follower: LiveFollower, events: [string, number][]) {
  const steps: FollowStep[] = [];
  for (const [stream, seq] of events) {
    const judged = followEvent(follower, { stream, seq });
    follower = judged.follower;
    steps.push(judged.step);
  }
  return { follower, steps };
}

describe('the live follower', () => {
  it('applies each event once, in order, placing a new stream by its first event', () => {
    const { follower, steps } = feed(startFollowing(), [['a', 4], ['a', 5], ['b', 1], ['a', 6]]);
    expect(steps).toEqual(['apply', 'apply', 'apply', 'apply']);
    expect(follower.applied).toEqual(new Map([['a', 6], ['b', 1]]));
    expect(isBehind(follower)).toBe(false);
  });

  it('skips a duplicate (at-least-once delivery) without moving', () => {
    const { follower, steps } = feed(startFollowing(), [['a', 1], ['a', 2], ['a', 2], ['a', 1]]);
    expect(steps).toEqual(['apply', 'apply', 'skip', 'skip']);
    expect(follower.applied.get('a')).toBe(2);
    expect(followEvent(follower, { stream: 'a', seq: 2 }).verdict).toBe('duplicate');
  });

  it('skips an older event that arrives late, and stays in step after it', () => {
    const { follower, steps } = feed(startFollowing(), [['a', 5], ['a', 6], ['a', 4], ['a', 7]]);
    expect(steps).toEqual(['apply', 'apply', 'skip', 'apply']);
    expect(follower.applied.get('a')).toBe(7);
  });

  it('asks for a refetch on a gap, without applying the event past it', () => {
    const { follower, steps } = feed(startFollowing(), [['a', 1], ['a', 3]]);
    expect(steps).toEqual(['apply', 'refetch']);
    expect(follower.applied.get('a')).toBe(1);
    expect(isBehind(follower)).toBe(true);
  });

  it('resumes after the refetch from what the answer covers, then applies what follows', () => {
    const gap = feed(startFollowing(), [['a', 1], ['a', 3]]).follower;
    const covered = coveredByRefetchNow(gap);
    expect(covered).toEqual(new Map([['a', 3]]));
    const resumed = resumeFollowing(gap, covered);
    expect(resumed.behind).toBe(false);
    const after = feed(resumed.follower, [['a', 3], ['a', 2], ['a', 4]]);
    expect(after.steps).toEqual(['skip', 'skip', 'apply']);
  });

  it('asks again when events past the answer arrived while it was on its way', () => {
    let follower = feed(startFollowing(), [['a', 1], ['a', 3]]).follower;
    const covered = coveredByRefetchNow(follower); // a: 3
    follower = feed(follower, [['a', 5]]).follower; // published after the refetch read
    const resumed = resumeFollowing(follower, covered);
    expect(resumed.behind).toBe(true);
    expect(refetchOwed(resumed.follower, covered)).toBe(true);
    expect(resumeFollowing(resumed.follower, new Map([['a', 5]])).behind).toBe(false);
  });

  it('owes no second refetch when the answer could not cover what it was asked for (no loop)', () => {
    const follower = feed(startFollowing(), [['a', 1], ['a', 3]]).follower;
    const asked = coveredByRefetchNow(follower);
    const resumed = resumeFollowing(follower, new Map([['a', 2]]));
    expect(resumed.behind).toBe(true);
    expect(refetchOwed(resumed.follower, asked)).toBe(false);
  });

  it('never moves back when an answer is older than what was applied', () => {
    const { follower } = feed(startFollowing(), [['a', 7]]);
    expect(resumeFollowing(follower, new Map([['a', 3]])).follower.applied.get('a')).toBe(7);
  });

  it('holds a stream that awaits its first answer, and catches up when the answer is older than what arrived', () => {
    const waiting = feed(startFollowing(['thread:t']), [['thread:t', 9], ['thread:t', 10]]);
    expect(waiting.steps).toEqual(['skip', 'skip']);
    expect(followEvent(waiting.follower, { stream: 'thread:t', seq: 11 }).verdict).toBe('unplaced');
    // A refetch asked before the answer does not place the stream.
    expect(coveredByRefetchNow(waiting.follower).has('thread:t')).toBe(false);
    const placed = resumeFollowing(waiting.follower, new Map([['thread:t', 8]]));
    expect(placed.behind).toBe(true);
    const current = resumeFollowing(waiting.follower, new Map([['thread:t', 10]]));
    expect(current.behind).toBe(false);
    expect(feed(current.follower, [['thread:t', 10], ['thread:t', 11]]).steps).toEqual(['skip', 'apply']);
  });
});
