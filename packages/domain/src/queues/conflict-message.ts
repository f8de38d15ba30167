// What a person sees when someone else got there first: "Dana rejected this 3 s ago".
export const queueActionVerbs = {
  claimed: 'claimed this',
  released: 'released this',
  reassigned: 'reassigned this',
  assigned: 'assigned this',
  claim_expired: 'let the claim on this lapse',
  accepted: 'accepted this',
  approved: 'approved this',
  resubmitted: 'sent this back for review',
  lapsed: 'closed this (no answer in time)',
  cancelled: 'cancelled this',
  resolved: 'resolved this',
  closed: 'closed this',
  ask_seller: 'asked the seller about this',
  ask_buyer: 'asked the buyer about this',
  start_review: 'started reviewing this',
  escalate: 'escalated this',
  sla_at_risk: 'flagged this at risk',
  sla_breached: 'recorded an SLA breach on this',
  quoted: 'sent an offer on this',
  countered: 'made a counter-offer on this',
  rejected: 'rejected this',
  info_requested: 'asked the seller for more information on this',
  info_provided: 'answered the request for information on this',
  withdrawn: 'withdrew this',
  expired: 'let the offer on this expire',
  noted: 'added a note to this',
  created: 'submitted this',
  updated: 'changed this',
} as const;
export type QueueAction = keyof typeof queueActionVerbs;

export function agoText(elapsedMs: number): string {
  const s = Math.max(0, Math.round(elapsedMs / 1000));
  if (s < 60) return `${s} s ago`;
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min ago`;
  const h = Math.round(m / 60);
  if (h < 48) return `${h} h ago`;
  return `${Math.round(h / 24)} days ago`;
}

/** `actorName` null means the system (a timer) made the change. */
export function describeLastChange(change: { actorName: string | null; action: string; atMs: number }, nowMs: number): string {
  const who = change.actorName ?? 'The system';
  const verb = (queueActionVerbs as Record<string, string>)[change.action] ?? 'changed this';
  return `${who} ${verb} ${agoText(nowMs - change.atMs)}`;
}

/** The claim refusal: "Dana has it (claimed 2 min ago)". */
export function heldByMessage(holderName: string, claimedAtMs: number | null, nowMs: number): string {
  return claimedAtMs === null ? `${holderName} has it.` : `${holderName} has it (claimed ${agoText(nowMs - claimedAtMs)}).`;
}
