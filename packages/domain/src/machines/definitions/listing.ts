// Listings: staff review a seller's listing before it goes live; stock drives sold-out, and the
// end of a listing's deal window archives it (the worker sends `expire_deal` as the system).
import { z } from 'zod';
import { defineMachine } from '../define.js';
import type { CommandCatalogue, GuardRefusal } from '../types.js';
import { actorIdOf, emptyPayload, payloadField, reasonPayload } from './shared.js';

export type ListingState = 'draft' | 'pending_review' | 'active' | 'paused' | 'sold_out' | 'archived' | 'rejected';

export interface ListingContext {
  listingId: string;
  sellerId: string;
  quantity: number;
}

const listingCommands = {
  submit_for_review: { label: 'Submit for review', payload: emptyPayload },
  approve: { label: 'Approve', payload: emptyPayload },
  reject: { label: 'Reject', payload: reasonPayload },
  revise: { label: 'Revise', payload: emptyPayload },
  submit_changes: { label: 'Submit changes', payload: emptyPayload },
  pause: { label: 'Pause', payload: emptyPayload },
  resume: { label: 'Resume', payload: emptyPayload },
  sell_out: { label: 'Sell out', payload: emptyPayload },
  restock: { label: 'Restock', payload: z.object({ quantity: z.number().int().positive().max(1_000_000) }) },
  archive: { label: 'Archive', payload: emptyPayload },
  expire_deal: { label: 'Expire deal', payload: emptyPayload },
} satisfies CommandCatalogue;

// Sellers run their own listings (`listings.manage`: theirs, admins any); reviewers approve them.
const manage = { permission: 'listings.manage' } as const;
const reviewers = { permission: 'listings.review' } as const;
// A live (or paused) listing whose content the seller edited goes back to review before buyers see it.
const submitChanges = { to: 'pending_review', ...manage, emits: ['listing.submitted'] } as const;
const archive = { to: 'archived', ...manage, emits: ['listing.archived'] } as const;
// Only a live listing (selling, paused or sold out) has a deal window that can run out.
const expireDeal = { to: 'archived', system: true, emits: ['listing.deal_expired'] } as const;
const inStock = (c: ListingContext): GuardRefusal | null => (c.quantity > 0 ? null : { reason: 'NO_STOCK', message: 'Add stock before the listing goes live' });

/**
 * Can a buyer buy this listing now: live (not paused, in review, sold out or archived) with units
 * left. What tells wishlisters about a price drop or a restock asks this when it sends.
 */
export function isListingBuyable(listing: { state: string; quantity: number }): boolean {
  return listing.state === 'active' && listing.quantity > 0;
}

export const listingMachine = defineMachine<ListingState, typeof listingCommands, ListingContext>({
  id: 'listing',
  label: 'Listing',
  initial: 'draft',
  commands: listingCommands,
  policyObject: (c) => ({ kind: 'listing', sellerId: c.sellerId }),
  states: {
    draft: {
      label: 'Draft',
      on: { submit_for_review: { to: 'pending_review', ...manage, emits: ['listing.submitted'] }, archive },
    },
    pending_review: {
      label: 'Pending review',
      on: {
        approve: { to: 'active', ...reviewers, guardLabel: 'in stock', guard: inStock, emits: ['listing.approved'] },
        reject: { to: 'rejected', ...reviewers, emits: ['listing.rejected'] },
        archive,
      },
    },
    rejected: {
      label: 'Rejected',
      on: { // Reworking a rejected listing is the seller's own.
        revise: { to: 'draft', ...manage, party: 'seller', partyOnly: true, emits: ['listing.revised'] }, archive },
    },
    active: {
      label: 'Active',
      on: {
        pause: { to: 'paused', ...manage, emits: ['listing.paused'] },
        sell_out: { to: 'sold_out', system: true, assign: (c) => ({ ...c, quantity: 0 }), emits: ['listing.sold_out'] },
        submit_changes: submitChanges,
        archive,
        expire_deal: expireDeal,
      },
    },
    paused: {
      label: 'Paused',
      on: {
        resume: { to: 'active', ...manage, guardLabel: 'in stock', guard: inStock, emits: ['listing.resumed'] },
        submit_changes: submitChanges,
        archive,
        expire_deal: expireDeal,
      },
    },
    sold_out: {
      label: 'Sold out',
      on: {
        restock: { to: 'active', ...manage, system: true, assign: (c, p) => ({ ...c, quantity: p.quantity }), emits: ['listing.restocked'] },
        archive,
        expire_deal: expireDeal,
      },
    },
    archived: { label: 'Archived', terminal: true },
  },
  eventPayload(name, info) {
    const c = info.context;
    const base = { listingId: c.listingId, sellerId: c.sellerId, from: info.from, to: info.to, actorId: actorIdOf(info.actor) };
    if (name === 'listing.rejected') return { ...base, reason: payloadField<string>(info.payload, 'reason') };
    if (name === 'listing.restocked') return { ...base, quantity: c.quantity };
    return base;
  },
});
