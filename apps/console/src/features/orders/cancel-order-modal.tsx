// Cancelling a paid order refunds the buyer in full through the payment provider: the dialog says
// so with the amount, and asks why (the buyer reads the reason).
import { Text } from '@mantine/core';
import { ReasonModal } from '../forms/reason-modal';

export { minReasonLength as minCancelReasonLength } from '../forms/reason-modal';

export interface CancelOrderModalProps {
  opened: boolean;
  orderNumber: string;
  /** The formatted amount the buyer gets back. */
  refund: string;
  loading?: boolean;
  serverError?: string;
  onClose: () => void;
  onConfirm: (reason: string) => void;
}

export function CancelOrderModal({ orderNumber, refund, ...rest }: CancelOrderModalProps) {
  return (
    <ReasonModal
      {...rest}
      title={`Cancel order ${orderNumber}?`}
      intro={
        <Text size="sm">
          The buyer is refunded <b>{refund}</b> in full, to the card they paid with. This cannot be undone.
        </Text>
      }
      description="The buyer sees this."
      placeholder="e.g. The record was damaged while packing"
      tooShort="Say why the order is cancelled"
      cancelLabel="Keep the order"
      confirmLabel="Cancel and refund"
    />
  );
}
