// Which page this tab says it is on. The server keeps one presence page per socket: entering a page
// leaves the one before, and leaving drops whichever page the socket is on. Several components may
// show who is on the page (the header, a queue's names for its notes), so they share the tab's one
// entry: the page is entered once, stays entered while anything on screen still shows it, and only
// the last to let go leaves it. A component that shows another page for a moment and then lets go
// hands the tab back to the page still shown, instead of leaving the person on no page at all.
// Leaving waits for the current render's effects to finish (`defer`): moving to another page (or
// React re-running an effect) is then one "enter", which the server treats as leaving the old page,
// rather than a leave and an enter racing each other on the server.
// Pure bookkeeping around `emit`, so it can be tested without a socket.

export interface PresenceEmitter {
  enter(page: string): void;
  leave(page: string): void;
}

export class PresenceEntries {
  /** Pages shown, in the order they were first asked for, with how many components show each. */
  private readonly wanted = new Map<string, number>();
  private current: string | null = null;
  private leaving = false;

  constructor(
    private readonly emit: PresenceEmitter,
    private readonly defer: (run: () => void) => void = (run) => queueMicrotask(run),
  ) {}

  /** The page the tab is on now (what the server was last told). */
  get page(): string | null {
    return this.current;
  }

  /** A component starts showing who is on `page`. The latest page asked for is the tab's page. */
  acquire(page: string): void {
    this.wanted.set(page, (this.wanted.get(page) ?? 0) + 1);
    this.leaving = false;
    if (this.current !== page) this.enter(page);
  }

  /** A component stops showing `page`; the tab leaves it when nothing shows it any more. */
  release(page: string): void {
    const left = (this.wanted.get(page) ?? 0) - 1;
    if (left > 0) {
      this.wanted.set(page, left);
      return;
    }
    this.wanted.delete(page);
    if (this.current !== page) return;
    const still = [...this.wanted.keys()].at(-1);
    if (still) {
      this.enter(still);
      return;
    }
    this.leaving = true;
    this.defer(() => {
      if (!this.leaving || this.current !== page) return;
      this.leaving = false;
      this.current = null;
      this.emit.leave(page);
    });
  }

  /** After a (re)connect the server knows nothing of this tab: tell it the page again. */
  reconnected(): void {
    if (this.current) this.emit.enter(this.current);
  }

  private enter(page: string): void {
    this.current = page;
    this.emit.enter(page);
  }
}
