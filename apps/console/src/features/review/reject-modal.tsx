// Asking why: a rejection reaches the seller with this reason, so it must say what to fix.
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';

export const minReasonLength = 3;

export interface RejectModalProps {
  title: string | null;
  opened: boolean;
  loading?: boolean;
  onClose: () => void;
  onConfirm: (reason: string) => void;
}

export function RejectModal({ title, opened, loading, onClose, onConfirm }: RejectModalProps) {
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
    if (trimmed.length < minReasonLength) {
      setError('Say why, so the seller can fix it (at least 3 characters).');
      return;
    }
    onConfirm(trimmed);
    setReason('');
    setError(null);
  };
  return (
    <Modal opened={opened} onClose={close} title="Reject listing">
      <form onSubmit={submit} noValidate>
        <Stack>
          {title && (
            <Text size="sm">
              The seller of <b>{title}</b> will see your reason and can revise the listing.
            </Text>
          )}
          <Textarea
            label="Reason"
            placeholder="e.g. The photos do not show the record itself"
            value={reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              if (error) setError(null);
            }}
            error={error}
            autosize
            minRows={3}
            maxLength={1000}
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
