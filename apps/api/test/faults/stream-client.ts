// A live client as the apps build one (docs/architecture.md rule 3): apply events idempotently by
// sequence, notice a gap, and catch up by re-reading the stream after a gap or a reconnect. The
// re-read is the stream query the apps' tRPC reads serve (orders.get's timeline selects the same
// outbox rows by stream and seq), run here directly so any stream can be checked.
import type pg from 'pg';
import type { Socket } from 'socket.io-client';
import type { AnyLiveEvent } from '@marketdesk/domain';

export class StreamClient {
  /** seq → event id, each applied once. */
  readonly applied = new Map<number, string>();
  deliveries = 0;
  duplicates = 0;
  catchUps = 0;
  reconnects = 0;
  private catching: Promise<void> | null = null;

  constructor(
    private readonly socket: Socket,
    private readonly stream: string,
    private readonly db: pg.Pool,
  ) {
    socket.on('event', (e: AnyLiveEvent) => {
      if (e.stream !== stream) return;
      this.deliveries += 1;
      if (this.applied.has(e.seq)) {
        this.duplicates += 1; // absorbed: already applied
        return;
      }
      this.applied.set(e.seq, e.id);
      if (e.seq > this.lastContiguous() + 1) void this.catchUp();
    });
    socket.io.on('reconnect', () => {
      this.reconnects += 1;
      void this.catchUp();
    });
  }

  lastContiguous(): number {
    let n = 0;
    while (this.applied.has(n + 1)) n += 1;
    return n;
  }

  catchUp(): Promise<void> {
    this.catching ??= (async () => {
      this.catchUps += 1;
      const { rows } = await this.db.query<{ id: string; seq: number }>('select id::text, seq from outbox_events where stream = $1 and seq > $2 order by seq', [this.stream, this.lastContiguous()]);
      for (const r of rows) if (!this.applied.has(r.seq)) this.applied.set(r.seq, r.id);
    })().finally(() => (this.catching = null));
    return this.catching;
  }

  /** True when seq 1..last are all applied, each with the id the outbox committed. */
  complete(committed: Map<number, string>): boolean {
    if (this.applied.size !== committed.size) return false;
    for (const [seq, id] of committed) if (this.applied.get(seq) !== id) return false;
    return true;
  }
}

export async function committedStream(db: pg.Pool, stream: string): Promise<Map<number, string>> {
  const { rows } = await db.query<{ id: string; seq: number }>('select id::text, seq from outbox_events where stream = $1 order by seq', [stream]);
  return new Map(rows.map((r) => [r.seq, r.id]));
}

/** Sends `count` calls at a fixed interval (open-loop: a slow call does not delay the next). */
export async function atFixedRate<T>(count: number, intervalMs: number, send: (i: number) => Promise<T>): Promise<PromiseSettledResult<T>[]> {
  const start = Date.now();
  const calls: Promise<T>[] = [];
  for (let i = 0; i < count; i++) {
    const wait = start + i * intervalMs - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    calls.push(send(i));
  }
  return Promise.allSettled(calls);
}
