// One dialog for every "say why" decision (reject a listing or a payout, cancel an order): the
// person on the other side reads the reason, so it must have at least a few words.
import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';

export const minReasonLength = 3;

export interface ReasonModalProps {
  opened: boolean;
  title: string;
  /** What happens when confirmed, shown above the reason. */
  intro?: ReactNode;
  description?: string;
  placeholder: string;
  /** Shown when the reason is too short, e.g. "Say why, so the seller knows". */
  tooShort: string;
  maxLength?: number;
  confirmLabel: string;
  cancelLabel?: string;
  loading?: boolean | undefined;
  serverError?: string | undefined;
  onClose: () => void;
  onConfirm: (reason: string) => void;
}

export function ReasonModal(p: ReasonModalProps) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const reset = () => {
    setReason('');
    setError(null);
  };
  // A fresh form each time it opens; while open the text stays, so a server error can be corrected.
  useEffect(() => {
    if (!p.opened) reset();
  }, [p.opened]);
  const close = () => {
    reset();
    p.onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = reason.trim();
    if (trimmed.length < minReasonLength) return setError(`${p.tooShort} (at least ${minReasonLength} characters).`);
    setError(null);
    p.onConfirm(trimmed);
  };
  return (
    <Modal opened={p.opened} onClose={close} title={p.title}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {p.intro}
          <Textarea
            label="Reason"
            description={p.description}
            placeholder={p.placeholder}
            value={reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              if (error) setError(null);
            }}
            error={error ?? p.serverError}
            autosize
            minRows={3}
            maxLength={p.maxLength ?? 1000}
            required
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {p.cancelLabel ?? 'Cancel'}
            </Button>
            <Button type="submit" color="red" loading={p.loading}>
              {p.confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
