// A small local load balancer for running several API processes on one machine (scale-out demo,
// tests, benchmarks): round-robin over the targets that pass /readyz, WebSocket upgrades proxied,
// and a sticky cookie so Socket.IO's HTTP long-polling (before its upgrade) stays on one process.
// /metrics is never forwarded: scrape each process directly.
//
//   LB_PORT=3000 LB_TARGETS=http://127.0.0.1:3001,http://127.0.0.1:3002 node scripts/lb.mjs
import http from 'node:http';
import httpProxy from 'http-proxy';

const port = Number(process.env.LB_PORT ?? 3000);
const host = process.env.LB_HOST ?? '127.0.0.1';
const targets = (process.env.LB_TARGETS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
const healthMs = Number(process.env.LB_HEALTH_MS ?? 1000);
if (targets.length === 0) {
  console.error('LB_TARGETS is empty: give a comma-separated list of API base URLs.');
  process.exit(78);
}
const stickyCookie = 'md_lb';
const healthy = new Set(targets);
let next = 0;

async function checkHealth() {
  await Promise.all(
    targets.map(async (t) => {
      try {
        const res = await fetch(`${t}/readyz`, { signal: AbortSignal.timeout(2000) });
        if (res.ok) healthy.add(t);
        else healthy.delete(t);
      } catch {
        healthy.delete(t);
      }
    }),
  );
}
setInterval(() => void checkHealth(), healthMs).unref();

/** The sticky target if the cookie names a healthy one, else the next healthy one in turn. */
function pick(req) {
  const m = /(?:^|;\s*)md_lb=(\d+)/.exec(req.headers.cookie ?? '');
  const sticky = m ? targets[Number(m[1])] : undefined;
  if (sticky && healthy.has(sticky)) return { target: sticky, fresh: false };
  // With every target failing its check, still try them: a 502 is better than a hang.
  const pool = healthy.size ? targets.filter((t) => healthy.has(t)) : targets;
  const target = pool[next++ % pool.length];
  return { target, fresh: true };
}

const proxy = httpProxy.createProxyServer({ xfwd: true, ws: true });
proxy.on('proxyRes', (proxyRes, req) => {
  if (!req.lbFresh) return;
  const cookie = `${stickyCookie}=${targets.indexOf(req.lbTarget)}; Path=/; HttpOnly; SameSite=Lax`;
  const existing = proxyRes.headers['set-cookie'];
  proxyRes.headers['set-cookie'] = existing ? [...[existing].flat(), cookie] : [cookie];
});
proxy.on('error', (err, req, res) => {
  if (res && 'writeHead' in res && !res.headersSent) {
    res.writeHead(502, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { code: 'BAD_GATEWAY', message: `Upstream ${req.lbTarget} failed: ${err.message}` } }));
  } else res?.destroy?.();
});

const server = http.createServer((req, res) => {
  if ((req.url ?? '').split('?')[0] === '/metrics') {
    res.writeHead(404).end();
    return;
  }
  const { target, fresh } = pick(req);
  req.lbTarget = target;
  req.lbFresh = fresh;
  proxy.web(req, res, { target });
});
server.on('upgrade', (req, socket, head) => {
  const { target } = pick(req);
  req.lbTarget = target;
  proxy.ws(req, socket, head, { target });
});
await checkHealth();
server.listen(port, host, () => console.log(`lb listening on http://${host}:${port} → ${targets.join(', ')}`));
for (const s of ['SIGINT', 'SIGTERM']) process.once(s, () => server.close(() => process.exit(0)));
