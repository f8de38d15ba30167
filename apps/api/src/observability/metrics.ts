// Prometheus metrics for one process (API or worker), on one registry so /metrics shows only ours.
// Gauges that describe shared state (queue depth, outbox backlog, open sockets) are read at scrape
// time from the sources a process registers, so a scrape always shows the current figure.
import client from 'prom-client';

export const registry = new client.Registry();
client.collectDefaultMetrics({ register: registry, prefix: 'marketdesk_' });

const latencyBuckets = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const httpDuration = new client.Histogram({
  name: 'marketdesk_http_request_duration_seconds',
  help: 'HTTP requests by route pattern and status, from the first byte in to the last byte out.',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: latencyBuckets,
  registers: [registry],
});

export const trpcDuration = new client.Histogram({
  name: 'marketdesk_trpc_procedure_duration_seconds',
  help: 'tRPC calls per procedure (a batched request counts once per procedure it carried).',
  labelNames: ['procedure', 'type', 'status'] as const,
  buckets: latencyBuckets,
  registers: [registry],
});

export const liveEmits = new client.Counter({
  name: 'marketdesk_live_events_emitted_total',
  help: 'Live events this process handed to Socket.IO, by event name.',
  labelNames: ['event'] as const,
  registers: [registry],
});

export const roomFanout = new client.Histogram({
  name: 'marketdesk_live_room_fanout_sockets',
  help: 'Sockets on this process that one live event reached (other processes count their own).',
  labelNames: ['event'] as const,
  buckets: [0, 1, 5, 10, 50, 100, 500, 1000, 5000, 10000],
  registers: [registry],
});

export const outboxInvalidJobs = new client.Counter({
  name: 'marketdesk_outbox_invalid_jobs_total',
  help: 'Outbox jobs the relay dropped because their payload fails the job schema (producers check them; alert on any).',
  labelNames: ['job'] as const,
  registers: [registry],
});

export const outboxLag = new client.Histogram({
  name: 'marketdesk_outbox_lag_seconds',
  help: 'From the state change (outbox row written) to its publication by the relay.',
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
  registers: [registry],
});

export const jobDuration = new client.Histogram({
  name: 'marketdesk_bullmq_job_duration_seconds',
  help: 'BullMQ job runs by queue, job id and outcome.',
  labelNames: ['queue', 'job', 'status'] as const,
  buckets: [0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 120],
  registers: [registry],
});

export const ledgerTransfers = new client.Counter({
  name: 'marketdesk_ledger_transfers_total',
  help: 'Ledger transfers applied (posted, pending, post_pending, void_pending), counted inside the posting transaction.',
  labelNames: ['kind'] as const,
  registers: [registry],
});

/** What a process can report at scrape time; each app registers its own and removes it on close. */
export interface MetricSources {
  socketCount?: () => number;
  queueCounts?: () => Promise<{ queue: string; counts: Record<string, number> }[]>;
  outboxBacklog?: () => Promise<{ count: number; oldestAgeSeconds: number }>;
}
const sources = new Set<MetricSources>();

export function registerMetricSources(source: MetricSources): () => void {
  sources.add(source);
  return () => void sources.delete(source);
}

/** A source that does not answer in time is left out of this scrape instead of stalling it. */
async function settle<T>(fn: () => Promise<T>, timeoutMs = 1000): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([fn(), new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), timeoutMs)))]);
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

new client.Gauge({
  name: 'marketdesk_socket_connections',
  help: 'Socket.IO connections open on this process.',
  registers: [registry],
  collect() {
    let total = 0;
    for (const s of sources) total += s.socketCount?.() ?? 0;
    this.set(total);
  },
});

new client.Gauge({
  name: 'marketdesk_bullmq_queue_jobs',
  help: 'Jobs per BullMQ queue and state (waiting, active, delayed, failed, completed, prioritized).',
  labelNames: ['queue', 'state'] as const,
  registers: [registry],
  async collect() {
    this.reset();
    for (const s of sources) {
      const rows = s.queueCounts ? await settle(s.queueCounts) : null;
      for (const row of rows ?? []) for (const [state, n] of Object.entries(row.counts)) this.set({ queue: row.queue, state }, n);
    }
  },
});

// Both backlog gauges read one query per scrape (prom-client collects gauges concurrently).
let backlogRead: { at: number; value: Promise<{ count: number; oldestAgeSeconds: number } | null> } | null = null;
function readBacklog() {
  if (!backlogRead || Date.now() - backlogRead.at > 500) {
    backlogRead = {
      at: Date.now(),
      value: (async () => {
        for (const s of sources) {
          const backlog = s.outboxBacklog ? await settle(s.outboxBacklog) : null;
          if (backlog) return backlog;
        }
        return null;
      })(),
    };
  }
  return backlogRead.value;
}
new client.Gauge({
  name: 'marketdesk_outbox_unpublished_events',
  help: 'Committed outbox events not yet published.',
  registers: [registry],
  async collect() {
    const backlog = await readBacklog();
    if (backlog) this.set(backlog.count);
  },
});
new client.Gauge({
  name: 'marketdesk_outbox_oldest_unpublished_age_seconds',
  help: 'Age of the oldest committed event the relay has not published yet (0 when none).',
  registers: [registry],
  async collect() {
    const backlog = await readBacklog();
    if (backlog) this.set(backlog.oldestAgeSeconds);
  },
});

/** The registry's text exposition. */
export async function renderMetrics(): Promise<{ contentType: string; body: string }> {
  return { contentType: registry.contentType, body: await registry.metrics() };
}
