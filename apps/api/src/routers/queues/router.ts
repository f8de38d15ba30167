// The work-queue engine shared by every queue (submissions, listings, kyc, payouts, fraud,
// disputes): list with filters and a cursor, one item with notes and history, claims, lead actions,
// auto-assignment, bulk actions, internal notes and saved views. Live rows arrive on `queue:{name}`.
import { z } from 'zod';
import { filterPresetSchema, queueDecisionSchema, queueListInputSchema, queueNames, rejectReasonOptions } from '@marketdesk/domain';
import { authedProcedure, router } from '../../trpc/procedures.js';
import { autoAssign } from '../../services/queues/auto-assign.js';
import { bulkAct } from '../../services/queues/bulk-actions.js';
import { decideQueueItem } from '../../services/queues/queue-deciders.js';
import { claimItem, reassignItem, releaseItem, touchItem } from '../../services/queues/claims.js';
import { getQueueItem, listQueue } from '../../services/queues/list-queue.js';
import { addNote } from '../../services/queues/notes.js';
import { deletePreset, listPresets, savePreset } from '../../services/queues/presets.js';
import { submissionSettingsFrom } from '../../services/submissions/submission-settings.js';
import { queueStats } from '../../services/queues/queue-stats.js';
import { queueOverview } from '../../services/queues/queue-overview.js';
import { getQueueExport, startQueueExport } from '../../services/queues/export-queue.js';
import { AppError } from '../../errors/app-error.js';
import { queueStaff } from '../../services/queues/queue-staff.js';

// Staff-only: each service checks the queue's own permission (domain queuePermissions).
const staff = authedProcedure;
const itemId = z.object({ id: z.string().uuid() });
const version = z.number().int().positive();
const selection = z.array(z.object({ id: z.string().uuid(), version })).min(1, 'Select at least one item').max(500, 'At most 500 items at once');

const list = staff.input(queueListInputSchema).query(({ ctx, input }) => listQueue(ctx.em, ctx.actor, input, new Date()));

const get = staff.input(itemId).query(({ ctx, input }) => getQueueItem(ctx.em, ctx.actor, input, new Date()));

const claim = staff.input(itemId).mutation(({ ctx, input }) => claimItem(ctx.em, ctx.actor, input, submissionSettingsFrom(ctx.services.config), new Date()));

const release = staff.input(itemId).mutation(({ ctx, input }) => releaseItem(ctx.em, ctx.actor, input, new Date()));

const touch = staff.input(itemId).mutation(({ ctx, input }) => touchItem(ctx.em, ctx.actor, input, submissionSettingsFrom(ctx.services.config), new Date()));

const reassign = staff
  .input(z.object({ id: z.string().uuid(), version, toUserId: z.string().uuid() }))
  .mutation(({ ctx, input }) => reassignItem(ctx.em, ctx.actor, input, submissionSettingsFrom(ctx.services.config), new Date()));

const runAutoAssign = staff
  .input(z.object({ queue: z.enum(queueNames), capacity: z.number().int().min(1).max(100), userIds: z.array(z.string().uuid()).max(100).optional(), dryRun: z.boolean().default(false) }))
  .mutation(({ ctx, input }) => autoAssign(ctx.em, ctx.actor, input, submissionSettingsFrom(ctx.services.config), new Date()));

const bulk = staff
  .input(
    z.discriminatedUnion('action', [
      z.object({ queue: z.enum(queueNames), action: z.literal('accept'), items: selection }),
      z.object({ queue: z.enum(queueNames), action: z.literal('reject'), items: selection, reason: z.string().min(1).max(40), note: z.string().trim().max(1000).default('') }),
      z.object({ queue: z.enum(queueNames), action: z.literal('assign'), items: selection, toUserId: z.string().uuid() }),
    ]),
  )
  .mutation(({ ctx, input }) => bulkAct(ctx.em, ctx.actor, input, submissionSettingsFrom(ctx.services.config), () => new Date(), { paymentsConfigured: ctx.services.gateway !== null }));

/** Accept / reject / request information on any decidable queue's item, on the row's version. */
const decide = staff
  .input(z.intersection(z.object({ id: z.string().uuid(), version }), queueDecisionSchema))
  .mutation(({ ctx, input }) => decideQueueItem(ctx.em, ctx.actor, input, submissionSettingsFrom(ctx.services.config), new Date(), { paymentsConfigured: ctx.services.gateway !== null }));

const rejectReasons = staff.input(z.object({ queue: z.enum(queueNames) })).query(({ input }) => rejectReasonOptions(input.queue));

const note = staff
  .input(z.object({ id: z.string().uuid(), body: z.string().trim().min(1, 'Write something').max(10_000) }))
  .mutation(({ ctx, input }) => addNote(ctx.em, ctx.actor, input, submissionSettingsFrom(ctx.services.config), new Date()));

const presets = staff.input(z.object({ queue: z.enum(queueNames) })).query(({ ctx, input }) => listPresets(ctx.em, ctx.actor, input));

const savePresetProcedure = staff.input(filterPresetSchema).mutation(({ ctx, input }) => savePreset(ctx.em, ctx.actor, input, new Date()));

const deletePresetProcedure = staff.input(itemId).mutation(({ ctx, input }) => deletePreset(ctx.em, ctx.actor, input));

/** Dashboard figures for one queue (counts, median time to decision, throughput, acceptance). */
const stats = staff
  .input(z.object({ queue: z.enum(queueNames), days: z.number().int().min(1).max(365).default(30) }))
  .query(({ ctx, input }) => queueStats(ctx.em, ctx.actor, input, new Date()));

/** Every queue the person may see, in one answer: open items, unclaimed, the oldest, at risk and overdue. */
const overview = staff.input(z.void()).query(({ ctx }) => queueOverview(ctx.em, ctx.actor, new Date()));

/** Starts a CSV export of a filtered view; progress arrives as queue.export.progress on the user's room. */
const exportView = staff
  .input(queueListInputSchema.omit({ cursor: true, limit: true }))
  .mutation(({ ctx, input }) => startQueueExport(ctx.em, ctx.actor, input, new Date()));

const exportStatus = staff.input(itemId).query(async ({ ctx, input }) => {
  const found = await getQueueExport(ctx.em, ctx.actor, input.id);
  if (!found) throw new AppError('NOT_FOUND', 'This export does not exist.');
  const { storageKey: _key, ...view } = found;
  return view;
});

/** The people who may work a queue (for Reassign and bulk assign pickers). */
const staffOf = staff.input(z.object({ queue: z.enum(queueNames) })).query(({ ctx, input }) => queueStaff(ctx.em, ctx.actor, input.queue));

export const queuesRouter = router({
  staff: staffOf,
  stats,
  overview,
  export: exportView,
  exportStatus, list, get, claim, release, touch, reassign, autoAssign: runAutoAssign, bulk, decide, rejectReasons, addNote: note, presets, savePreset: savePresetProcedure, deletePreset: deletePresetProcedure });
