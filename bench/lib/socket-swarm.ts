// The live-push load generator, in its own process so its CPU is measured apart from the server's:
// opens N Socket.IO clients (WebSocket transport, one session cookie), joins them to a room, stamps
// each event's arrival, and on request turns arrivals into latencies against the intended send
// times the parent recorded (open-loop: latency counts from when the event was due to be sent).
import { io as connect, type Socket } from 'socket.io-client';
import { epochMs, histogram, percentiles, recordMs } from './measure.js';

const [baseUrl, cookie, origin, countText, room] = process.argv.slice(2) as [string, string, string, string, string];
const count = Number(countText);
const sockets: Socket[] = [];
let arrivals = new Map<string, number[]>();

function keyOf(e: { bench?: string; payload?: { displayName?: string; body?: string } }): string | undefined {
  return e.bench ?? e.payload?.body ?? e.payload?.displayName;
}

async function open() {
  const batch = 250; // gentle on the server's handshake path (each one validates the session)
  for (let i = 0; i < count; i += batch) {
    const group = Array.from({ length: Math.min(batch, count - i) }, () =>
      connect(baseUrl, { transports: ['websocket'], extraHeaders: { cookie, origin }, reconnection: false, timeout: 60_000 }),
    );
    await Promise.all(group.map((s) => new Promise<void>((resolve, reject) => (s.once('connect', () => resolve()), s.once('connect_error', reject)))));
    await Promise.all(group.map((s) => new Promise((r) => s.emit('subscribe', room, r))));
    sockets.push(...group);
  }
  for (const s of sockets) {
    s.on('event', (e: { bench?: string; payload?: { displayName?: string; body?: string } }) => {
      const key = keyOf(e);
      if (!key) return;
      const t = epochMs();
      const list = arrivals.get(key);
      if (list) list.push(t);
      else arrivals.set(key, [t]);
    });
  }
}

process.on('message', (msg: { type: string; groups?: Record<string, Record<string, number>> }) => {
  if (msg.type === 'collect') {
    // One histogram per group (e.g. floor and push sent interleaved in one schedule).
    const out: Record<string, { latency: ReturnType<typeof percentiles>; lost: number }> = {};
    for (const [group, intendedByKey] of Object.entries(msg.groups ?? {})) {
      const h = histogram();
      let lost = 0;
      for (const [key, intended] of Object.entries(intendedByKey)) {
        const got = arrivals.get(key) ?? [];
        lost += Math.max(0, count - got.length);
        for (const t of got) recordMs(h, t - intended);
      }
      out[group] = { latency: percentiles(h), lost };
    }
    arrivals = new Map();
    process.send!({ type: 'collected', groups: out });
  } else if (msg.type === 'close') {
    for (const s of sockets) s.close();
    process.exit(0);
  }
});

open().then(
  () => process.send!({ type: 'ready', sockets: sockets.length }),
  (err: Error) => {
    console.error(`swarm failed to connect: ${err.message}`);
    process.exit(1);
  },
);
