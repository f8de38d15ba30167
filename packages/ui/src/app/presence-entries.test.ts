import { describe, expect, it } from 'vitest';
import { PresenceEntries } from './presence-entries';

function track() {
  const said: string[] = [];
  const later: (() => void)[] = [];
  const entries = new PresenceEntries({ enter: (p) => said.push(`enter ${p}`), leave: (p) => said.push(`leave ${p}`) }, (run) => later.push(run));
  /** The render's effects are done: deferred leaves run. */
  const settle = () => later.splice(0).forEach((run) => run());
  return { said, entries, settle };
}

describe('the tab’s presence page', () => {
  it('is entered once however many components show it, and left only by the last', () => {
    const { said, entries, settle } = track();
    entries.acquire('/review/listings'); // the header
    entries.acquire('/review/listings'); // the queue's names for notes
    entries.release('/review/listings'); // the queue unmounts first
    settle();
    expect(entries.page).toBe('/review/listings');
    entries.release('/review/listings');
    settle();
    expect(said).toEqual(['enter /review/listings', 'leave /review/listings']);
    expect(entries.page).toBeNull();
  });

  it('moves with navigation in one step: the new page enters (the server leaves the old one)', () => {
    const { said, entries, settle } = track();
    entries.acquire('/activity');
    entries.release('/activity');
    entries.acquire('/profile');
    settle();
    expect(said).toEqual(['enter /activity', 'enter /profile']);
    expect(entries.page).toBe('/profile');
  });

  it('says nothing when an effect lets go and takes the same page again (React re-running it)', () => {
    const { said, entries, settle } = track();
    entries.acquire('/');
    entries.release('/');
    entries.acquire('/');
    settle();
    expect(said).toEqual(['enter /']);
  });

  it('goes back to the page still shown when something shown on top of it lets go', () => {
    const { said, entries } = track();
    entries.acquire('/review/listings');
    entries.acquire('queue-item-1');
    entries.release('queue-item-1');
    expect(entries.page).toBe('/review/listings');
    expect(said).toEqual(['enter /review/listings', 'enter queue-item-1', 'enter /review/listings']);
  });

  it('tells the server again after a reconnect, and nothing when on no page', () => {
    const { said, entries } = track();
    entries.reconnected();
    entries.acquire('/');
    entries.reconnected();
    expect(said).toEqual(['enter /', 'enter /']);
  });
});
