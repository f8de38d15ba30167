// Cancelling a paid order refunds the buyer in full through the payment provider: the dialog says
// so with the amount, and asks why (the buyer reads the reason).
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';

export const minCancelReasonLength = 3;

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

export function CancelOrderModal({ opened, orderNumber, refund, loading, serverError, onClose, onConfirm }: CancelOrderModalProps) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setReason('');
    setError(null);
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = reason.trim();
    if (trimmed.length < minCancelReasonLength) return setError('Say why the order is cancelled (at least 3 characters).');
    setError(null);
    onConfirm(trimmed);
  };
  return (
    <Modal opened={opened} onClose={close} title={`Cancel order ${orderNumber}?`}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">
            The buyer is refunded <b>{refund}</b> in full, to the card they paid with. This cannot be undone.
          </Text>
          <Textarea
            label="Reason"
            description="The buyer sees this."
            placeholder="e.g. The record was damaged while packing"
            value={reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              if (error) setError(null);
            }}
            error={error ?? serverError}
            autosize
            minRows={3}
            maxLength={1000}
            required
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Keep the order
            </Button>
            <Button type="submit" color="red" loading={loading}>
              Cancel and refund
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
