import { describe, expect, it } from 'vitest';
import { budgetWindowMs, followedRoomCount, newBudget, spend, strike, type SocketBudget, type SocketLimits } from './socket-budget.js';

const limits: SocketLimits = { maxRooms: 3, eventsPerWindow: 5, strikesBeforeDisconnect: 3 };

function run(budget: SocketBudget, times: number, nowMs: number) {
  const verdicts: string[] = [];
  for (let i = 0; i < times; i++) {
    const result = spend(budget, limits, nowMs);
    budget = result.budget;
    verdicts.push(result.verdict);
  }
  return { budget, verdicts };
}

describe('the per-socket event budget', () => {
  it('admits a burst of a window’s worth, then refuses, and disconnects at the last strike', () => {
    const { verdicts } = run(newBudget(limits, 0), 8, 0);
    expect(verdicts).toEqual(['admit', 'admit', 'admit', 'admit', 'admit', 'refuse', 'refuse', 'disconnect']);
  });

  it('refills evenly: one event per window / limit', () => {
    const drained = run(newBudget(limits, 0), 5, 0).budget;
    expect(spend(drained, limits, 1000).verdict).toBe('refuse'); // 0.5 of a token
    expect(spend(drained, limits, 2000).verdict).toBe('admit');
    expect(run(drained, 5, budgetWindowMs).verdicts).toEqual(['admit', 'admit', 'admit', 'admit', 'admit']);
  });

  it('forgets strikes older than a window', () => {
    let budget = newBudget(limits, 0);
    budget = strike(budget, limits, 0).budget;
    budget = strike(budget, limits, 1).budget;
    expect(strike(budget, limits, 2).verdict).toBe('disconnect');
    expect(strike(budget, limits, budgetWindowMs).verdict).toBe('refuse');
  });
});

describe('followed rooms', () => {
  it('count what the socket subscribed to, not its own id, user, session or presence rooms', () => {
    expect(followedRoomCount(new Set(['sid', 'user:u', 'session:s', 'presence:/x', 'listing:a', 'order:o']), 'sid')).toBe(2);
  });
});
