// Shared by the benchmarks: exact percentiles from HDR histograms (microsecond resolution, 3
// significant digits), CPU use of this process and of child processes (so a saturated load
// generator is visible next to the figures it produced), and the results file.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import * as hdr from 'hdr-histogram-js';

export type Histogram = ReturnType<typeof hdr.build>;

export function histogram(): Histogram {
  return hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 600_000_000, numberOfSignificantValueDigits: 3, useWebAssembly: false });
}

/** Records a latency given in milliseconds (stored as whole microseconds). */
export function recordMs(h: Histogram, ms: number) {
  h.recordValue(Math.max(1, Math.round(ms * 1000)));
}

export interface Percentiles {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function percentiles(h: Histogram): Percentiles {
  const ms = (us: number) => +(us / 1000).toFixed(2);
  return { n: h.totalCount, p50: ms(h.getValueAtPercentile(50)), p95: ms(h.getValueAtPercentile(95)), p99: ms(h.getValueAtPercentile(99)), max: ms(h.maxValue) };
}

/** Wall-clock epoch milliseconds with sub-millisecond precision, comparable across processes. */
export const epochMs = () => performance.timeOrigin + performance.now();

const ticksPerSecond = 100; // USER_HZ on Linux

/** CPU seconds (user + system) a process has used, read from /proc (Linux). */
export function processCpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
  } catch {
    return NaN;
  }
}

export function rssMb(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? +(Number(kb) / 1024).toFixed(1) : NaN;
  } catch {
    return NaN;
  }
}

/** Watches processes over a phase: CPU use as % of one core for each (100 % = one core busy). */
export function cpuWatch(pids: Record<string, number>) {
  const start = performance.now();
  const before = Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, processCpuSeconds(pid)]));
  return () => {
    const seconds = (performance.now() - start) / 1000;
    return Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, Math.round(((processCpuSeconds(pid) - before[k]!) / seconds) * 100)])) as Record<string, number>;
  };
}

export function machine() {
  return { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadAverage1m: +os.loadavg()[0]!.toFixed(2) };
}

export function writeResults(name: string, data: Record<string, unknown>) {
  mkdirSync('bench/results', { recursive: true });
  const file = `bench/results/${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  writeFileSync(file, JSON.stringify({ benchmark: name, at: new Date().toISOString(), machine: machine(), ...data }, null, 2));
  writeFileSync(`bench/results/${name}-latest.json`, JSON.stringify({ benchmark: name, at: new Date().toISOString(), machine: machine(), ...data }, null, 2));
  console.log(`wrote ${file}`);
}

export const fmt = (p: Percentiles) => [p.p50, p.p95, p.p99, p.max].map((x) => x.toFixed(1)).join(' / ');
export const ratio = (a: number, b: number) => (b > 0 ? +(a / b).toFixed(2) : NaN);

/** Sleeps until an absolute performance.now() time (open-loop schedules). */
export async function sleepUntil(t: number) {
  const wait = t - performance.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
}
