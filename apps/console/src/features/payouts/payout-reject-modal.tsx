// Rejecting a payout request: the seller reads the reason, and the amount returns to Available.
import { Text } from '@mantine/core';
import { ReasonModal } from '../forms/reason-modal';

export function PayoutRejectModal({ summary, ...rest }: { opened: boolean; summary: string | null; loading?: boolean; onClose: () => void; onConfirm: (reason: string) => void }) {
  return (
    <ReasonModal
      {...rest}
      title="Reject payout"
      intro={summary && <Text size="sm">{summary} The amount goes back to the seller’s available balance.</Text>}
      placeholder="e.g. The bank account could not be verified"
      tooShort="Say why, so the seller knows"
      maxLength={500}
      confirmLabel="Reject"
    />
  );
}
