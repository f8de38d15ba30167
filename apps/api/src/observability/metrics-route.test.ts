// The worker's own HTTP server (it has no Fastify): /healthz for probes, /metrics for Prometheus
// under the same rule as the API's route (the token, or a loopback caller when none is set).
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startMetricsServer } from './metrics-route.js';

const servers: { close(): void }[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

async function start(token?: string) {
  const server = await startMetricsServer(0, '127.0.0.1', token);
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("the worker's metrics server", () => {
  it('answers /healthz, serves /metrics to a loopback caller without a token, and nothing else', async () => {
    const url = await start();
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const metrics = await fetch(`${url}/metrics?x=1`);
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await metrics.text()).toContain('marketdesk_process_resident_memory_bytes');
    expect((await fetch(`${url}/other`)).status).toBe(404);
  });

  it('asks for the token when one is set', async () => {
    const url = await start('a-metrics-token-of-16+');
    expect((await fetch(`${url}/metrics`)).status).toBe(401);
    expect((await fetch(`${url}/metrics`, { headers: { authorization: 'Bearer wrong-token-of-16-chars' } })).status).toBe(401);
    expect((await fetch(`${url}/metrics`, { headers: { authorization: 'Bearer a-metrics-token-of-16+' } })).status).toBe(200);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });
});
