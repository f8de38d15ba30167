// Rejecting a listing: the seller sees the reason and can revise the listing.
import { Text } from '@mantine/core';
import { ReasonModal } from '../forms/reason-modal';

export { minReasonLength } from '../forms/reason-modal';

export interface RejectModalProps {
  title: string | null;
  opened: boolean;
  loading?: boolean;
  onClose: () => void;
  onConfirm: (reason: string) => void;
}

export function RejectModal({ title, ...rest }: RejectModalProps) {
  return (
    <ReasonModal
      {...rest}
      title="Reject listing"
      intro={title && (
        <Text size="sm">
          The seller of <b>{title}</b> will see your reason and can revise the listing.
        </Text>
      )}
      placeholder="e.g. The photos do not show the record itself"
      tooShort="Say why, so the seller can fix it"
      confirmLabel="Reject"
    />
  );
}
