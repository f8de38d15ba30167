// CSV export of a filtered queue view. Asking creates an export record and a job; the job walks the
// view with the same keyset pages the table uses (1,000 rows at a time, never the whole set in
// memory), appends CSV to a temporary file, reports progress on the requester's `user:{id}` room,
// then hands the file to storage. The requester downloads it at /files/exports/:id.
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { currencyExponent, minorToDecimalString, queueOpenStates, queueWaitingStates } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import type { StoragePort } from '../../integrations/storage/storage-port.js';
import { queueListRepository } from '../../repositories/queue-list-repository.js';
import { queueExportRepository, type QueueExportInput } from '../../repositories/queue-export-repository.js';
import { csvCell } from '../csv-cell.js';
import { recordEvent } from '../outbox/record-event.js';
import { assertCanView, type QueueActor } from './queue-access.js';
import { job } from '../../jobs/job-types.js';

const PAGE = 1000;
const header = ['id', 'queue', 'state', 'title', 'seller', 'value', 'currency', 'conditions', 'claimed_by', 'created_at', 'decided_at', 'last_action'];

export async function startQueueExport(em: EntityManager, actor: QueueActor, input: QueueExportInput, now: Date) {
  assertCanView(actor, input.queue);
  const id = randomUUID();
  await em.transactional(async (tx) => {
    await queueExportRepository.insertRunning(tx, { id, ownerId: actor.id, input, now });
    await recordEvent(tx, { stream: `export:${id}`, name: 'queue.export.progress', payload: { exportId: id, rows: 0, total: null, state: 'running' }, rooms: [`user:${actor.id}`], jobs: [job('queues.export', { exportId: id })], actorId: actor.id, now });
  });
  return { exportId: id };
}

export async function runQueueExport(em: EntityManager, storage: StoragePort, exportId: string, now: () => Date): Promise<'done' | 'ignored'> {
  const record = await queueExportRepository.findById(em, exportId);
  if (!record || record.state !== 'running') return 'ignored';
  const { input, ownerId } = record;
  const queue = input.queue;
  const defaultStates = input.filter.waitingOn === 'seller' ? [...queueOpenStates[queue], ...queueWaitingStates[queue]] : queueOpenStates[queue];
  const query = { queue, filter: input.filter, defaultStates, sort: input.sort, actorId: ownerId, now: now() };
  const total = await queueListRepository.count(em, { ...query, after: null, limit: 0 });
  const dir = await mkdtemp(join(tmpdir(), 'md-export-'));
  const path = join(dir, `${exportId}.csv`);
  const out = createWriteStream(path);
  const progress = (rows: number, state: 'running' | 'ready' | 'failed') =>
    recordEvent(em, { stream: `export:${exportId}`, name: 'queue.export.progress', payload: { exportId, rows, total, state }, rooms: [`user:${ownerId}`], actorId: null, now: now() });
  try {
    out.write(`${header.join(',')}\r\n`);
    let after: { value: string; id: string } | null = null;
    let rows = 0;
    for (;;) {
      const page = await queueListRepository.page(em, { ...query, after, limit: PAGE });
      for (const i of page.items) {
        const line = [i.id, i.queue, i.state, i.title, i.sellerName ?? '', minorToDecimalString(i.valueMinor, currencyExponent(i.currency)), i.currency, i.conditions.join(' '), i.claimedByName ?? '', i.createdAt.toISOString(), i.decidedAt?.toISOString() ?? '', i.lastAction ?? ''];
        if (!out.write(`${line.map((v) => csvCell(String(v))).join(',')}\r\n`)) await once(out, 'drain');
      }
      rows += page.items.length;
      if (page.items.length < PAGE) break;
      after = { value: page.sortKeys[page.items.length - 1]!, id: page.items[page.items.length - 1]!.id };
      await queueExportRepository.setRows(em, exportId, rows);
      await progress(rows, 'running');
    }
    out.end();
    await once(out, 'finish');
    const storageKey = `exports/${exportId}.csv`;
    await storage.putFile(storageKey, path, 'text/csv; charset=utf-8');
    await em.transactional(async (tx) => {
      await queueExportRepository.markReady(tx, exportId, { rows, storageKey, at: now() });
      await recordEvent(tx, { stream: `export:${exportId}`, name: 'queue.export.progress', payload: { exportId, rows, total, state: 'ready' }, rooms: [`user:${ownerId}`], actorId: null, now: now() });
    });
    return 'done';
  } catch (err) {
    out.destroy();
    await queueExportRepository.markFailed(em, exportId, String((err as Error).message), now());
    await progress(0, 'failed');
    throw err;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function getQueueExport(em: EntityManager, actor: { id: string }, exportId: string) {
  const r = await queueExportRepository.findById(em, exportId);
  if (!r || r.ownerId !== actor.id) return null;
  return { id: r.id, queue: r.queue, state: r.state as string, rows: r.rows, error: r.error, storageKey: r.storageKey, downloadUrl: r.state === 'ready' ? `/files/exports/${r.id}` : null, createdAt: r.createdAt, finishedAt: r.finishedAt };
}
