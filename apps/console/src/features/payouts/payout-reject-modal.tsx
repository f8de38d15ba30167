// Rejecting a payout request: the seller reads the reason, and the amount returns to Available.
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';

export function PayoutRejectModal({ opened, summary, loading, onClose, onConfirm }: { opened: boolean; summary: string | null; loading?: boolean; onClose: () => void; onConfirm: (reason: string) => void }) {
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
    if (trimmed.length < 3) return setError('Say why, so the seller knows (at least 3 characters).');
    onConfirm(trimmed);
    setReason('');
    setError(null);
  };
  return (
    <Modal opened={opened} onClose={close} title="Reject payout">
      <form onSubmit={submit} noValidate>
        <Stack>
          {summary && <Text size="sm">{summary} The amount goes back to the seller’s available balance.</Text>}
          <Textarea
            label="Reason"
            placeholder="e.g. The bank account could not be verified"
            value={reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              if (error) setError(null);
            }}
            error={error}
            autosize
            minRows={3}
            maxLength={500}
            required
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" color="red" loading={loading}>
              Reject
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
