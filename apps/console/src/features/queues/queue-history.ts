// One line per audit-trail event of a queue item or its subject, in words ("Dana Admin claimed it").
import { queueActionVerbs } from '@marketdesk/domain';

export interface HistoryEntry {
  name: string;
  actorId: string | null;
  payload: Record<string, unknown>;
}

const phrases: Record<string, string> = {
  'queue.item.added': 'added it to the queue',
  'queue.item.claimed': 'claimed it',
  'queue.item.released': 'released it',
  'queue.item.reassigned': 'reassigned it',
  'queue.item.claim_expired': 'let the claim lapse (nobody worked on it)',
  'queue.item.claim_extended': 'kept the claim (recent activity)',
  'queue.note.added': 'added a note',
  'submission.submitted': 'submitted it',
  'submission.claimed': 'started the review',
  'submission.quoted': 'sent an offer',
  'submission.countered': 'made a counter-offer',
  'submission.accepted': 'accepted it',
  'submission.rejected': 'rejected it',
  'submission.expired': 'let the offer expire',
  'submission.withdrawn': 'declined the offer',
  'submission.info_requested': 'asked the seller for information',
  'submission.info_provided': 'answered the request for information',
  'submission.listings_created': 'listed the records in the shop',
  'kyc.submitted': 'sent the verification',
  'kyc.claimed': 'started the review',
  'kyc.approved': 'verified the seller',
  'kyc.rejected': 'rejected the verification',
  'kyc.info_requested': 'asked the seller for information',
  'listing.submitted': 'sent the listing for review',
  'listing.approved': 'approved the listing',
  'listing.rejected': 'rejected the listing',
  'dispute.opened': 'opened the dispute',
  'dispute.evidence_added': 'added to the record',
  'dispute.seller_response_requested': 'asked the seller to answer',
  'dispute.buyer_response_requested': 'asked the buyer to answer',
  'dispute.review_started': 'started the review',
  'dispute.seller_responded': 'answered (seller)',
  'dispute.buyer_responded': 'answered (buyer)',
  'dispute.escalated': 'escalated it',
  'dispute.resolved': 'resolved it',
  'dispute.sla.at_risk': 'flagged it at risk (SLA)',
  'dispute.sla.breached': 'recorded an SLA breach',
  'dispute.closed': 'closed it',
  'payout.requested': 'requested the payout',
  'payout.approved': 'approved the payout',
  'payout.rejected': 'rejected the payout',
};

export function describeHistory(entry: HistoryEntry, names: ReadonlyMap<string, string>): string {
  const item = entry.payload.item as { claimedByName?: string | null; lastAction?: { actorName?: string | null } | null } | undefined;
  const who =
    entry.actorId === null
      ? 'The system'
      : (names.get(entry.actorId) ?? (entry.payload.authorName as string | undefined) ?? item?.lastAction?.actorName ?? (entry.name === 'queue.item.claimed' ? item?.claimedByName : null) ?? 'Someone');
  if (entry.name === 'queue.item.changed') {
    const action = String(entry.payload.action ?? 'updated');
    return `${who} ${((queueActionVerbs as Record<string, string>)[action] ?? 'changed this').replace(/ this$/, ' it')}`;
  }
  if (entry.name === 'queue.item.reassigned') {
    const to = names.get(String(entry.payload.toUserId)) ?? item?.claimedByName ?? 'someone';
    return `${who} assigned it to ${to}`;
  }
  let text = `${who} ${phrases[entry.name] ?? entry.name.replace(/[._]/g, ' ')}`;
  if (entry.name.endsWith('.rejected') && entry.payload.reason) text += `: ${String(entry.payload.reason)}`;
  if ((entry.name.endsWith('.info_requested') || entry.name === 'submission.info_provided') && entry.payload.message) text += `: “${String(entry.payload.message)}”`;
  return text;
}
