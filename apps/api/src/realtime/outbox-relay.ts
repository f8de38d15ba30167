// Publishes committed outbox events (docs/architecture.md rule 3): to Socket.IO rooms and to BullMQ.
// At-least-once: rows are marked published in the same transaction that locked them, after the
// sends succeed; a crash in between sends again, which clients absorb by event id / sequence.
import type { Logger } from 'pino';
import type { AnyLiveEvent } from '@marketdesk/domain';
import type { Database, OutboxEvent } from '@marketdesk/db';
import { outboxRepository } from '../repositories/outbox-repository.js';
import { toLiveEvent } from '../services/outbox/to-live-event.js';
import { isNotifiable } from '../services/notifications/notification-rules.js';
import { listenForOutbox, type Wakeup } from './outbox-wakeup.js';
import { outboxInvalidJobs, outboxLag } from '../observability/metrics.js';
import { InvalidJobError } from '../jobs/job-types.js';
import { runWithRequestContext } from '../observability/request-context.js';
import { extractTraceContext, inSpan } from '../observability/tracing.js';

export interface RelayTargets {
  emit(rooms: string[], event: AnyLiveEvent): void;
  enqueue(jobId: string, data: Record<string, unknown>, opts: { dedupeId: string; delayMs?: number }): Promise<void>;
}

export interface OutboxRelay {
  start(): Promise<void>;
  /** Drain now; resolves when nothing unpublished is left (used by tests and shutdown). */
  drain(): Promise<number>;
  stop(): Promise<void>;
}

const batchSize = 100;

export function createOutboxRelay(db: Database, targets: RelayTargets, options: { pollMs: number; log: Logger }): OutboxRelay {
  const { log } = options;
  let wakeup: Wakeup | null = null;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;
  let again = false;

  async function publishBatch(): Promise<number> {
    const em = db.orm.em.fork();
    return em.transactional(async (tx) => {
      const rows = await outboxRepository.lockUnpublished(tx, batchSize);
      for (const row of rows) await publishOne(row);
      await outboxRepository.markPublished(tx, rows.map((r) => r.id), new Date());
      return rows.length;
    });
  }

  /**
   * Publishes under the request that wrote the row: its span continues the trace the row carries (a
   * new one when it carries none), and its jobs carry the request id and this span's trace context.
   */
  function publishOne(row: OutboxEvent): Promise<void> {
    const publish = () => inSpan('outbox.publish', { 'event.name': row.name, 'event.id': String(row.id) }, () => publishNow(row), extractTraceContext(row.trace));
    return row.trace ? runWithRequestContext(row.trace, publish) : publish();
  }

  async function publishNow(row: OutboxEvent): Promise<void> {
    for (const job of row.jobs) {
      const dedupeId = `evt-${row.id}-${job.name.replace(/[^a-z0-9]/gi, '_')}`;
      try {
        await targets.enqueue(job.name, job.data, { dedupeId, ...(job.delayMs ? { delayMs: job.delayMs } : {}) });
      } catch (err) {
        // Producers check payloads (job-types.ts `job`), so this is a row from an older release or
        // written by hand: it is logged and left behind, never retried forever in front of every
        // later row. Anything else (Redis down) fails the batch, which runs again.
        if (!(err instanceof InvalidJobError)) throw err;
        log.error({ outboxId: String(row.id), event: row.name, job: job.name, err: err.message }, 'outbox job dropped: invalid payload');
        outboxInvalidJobs.inc({ job: job.name });
      }
    }
    // Events that notify people fan out to the notification job (which reads the rules).
    if (isNotifiable(row.name)) await targets.enqueue('notifications.deliver', { outboxId: String(row.id) }, { dedupeId: `evt-${row.id}-notify` });
    if (row.rooms.length) targets.emit(row.rooms, toLiveEvent(row));
    outboxLag.observe(Math.max(0, Date.now() - row.occurredAt.getTime()) / 1000);
  }

  async function drainLoop(): Promise<number> {
    let total = 0;
    do {
      again = false;
      let n: number;
      do {
        n = await publishBatch();
        total += n;
      } while (n === batchSize);
    } while (again);
    return total;
  }

  function drain(): Promise<number> {
    if (running) {
      again = true; // a wake-up during a drain triggers one more pass
      return running;
    }
    running = drainLoop()
      .catch((err: unknown) => {
        log.error({ err: (err as Error).message }, 'outbox relay pass failed; will retry');
        return 0;
      })
      .finally(() => {
        running = null;
      });
    return running;
  }

  return {
    async start() {
      wakeup = await listenForOutbox(db, () => void drain(), log);
      timer = setInterval(() => void drain(), options.pollMs);
      timer.unref();
      await drain();
    },
    drain,
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await wakeup?.stop();
      wakeup = null;
      await running;
    },
  };
}
