// The confirmations a message's menu opens: delete your own, report someone else's, hide one (staff).
// Each shows the server's answer (the changed message) in the thread, or why it failed.
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { errorMessage } from '../ErrorState/ErrorState';
import { trpc } from '../app/trpc';
import type { ChatMessage } from './chat-thread-state';

/** The dialog open on a message, if any. */
export type MessageDialogState = { kind: 'delete' | 'report' | 'hide'; message: ChatMessage } | null;

export function MessageDialog({ dialog, onClose, onDone }: { dialog: MessageDialogState; onClose: () => void; onDone: (m: ChatMessage) => void }) {
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  useEffect(() => {
    setReason('');
    setDone(null);
  }, [dialog]);
  const remove = trpc.chat.delete.useMutation({ onSuccess: (m) => (onDone(m), onClose()) });
  const hide = trpc.chat.hide.useMutation({ onSuccess: (m) => (onDone(m), onClose()) });
  const report = trpc.chat.report.useMutation({ onSuccess: (r) => setDone(r.alreadyReported ? 'You already reported this message. Our team will review it.' : 'Thanks. Our team will review this message.') });
  if (!dialog) return null;
  const titles = { delete: 'Delete this message?', report: 'Report this message', hide: 'Hide this message' } as const;
  const pending = remove.isPending || hide.isPending || report.isPending;
  const error = remove.error ?? hide.error ?? report.error;
  return (
    <Modal opened onClose={onClose} title={titles[dialog.kind]} centered>
      <Stack>
        {dialog.kind === 'delete' ? (
          <Text size="sm">Everyone in the conversation will see that a message was deleted, but not what it said.</Text>
        ) : done ? (
          <Text size="sm">{done}</Text>
        ) : (
          <Textarea
            label={dialog.kind === 'report' ? 'What is wrong with it?' : 'Why is it hidden? (kept for the audit log)'}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            minRows={2}
            autosize
            maxLength={500}
            data-autofocus
          />
        )}
        {error && (
          <Text size="sm" c="red" role="alert">
            {errorMessage(error)}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {done ? 'Close' : 'Cancel'}
          </Button>
          {!done && (
            <Button
              color={dialog.kind === 'report' ? undefined : 'red'}
              loading={pending}
              disabled={dialog.kind !== 'delete' && reason.trim().length < 3}
              onClick={() => {
                if (dialog.kind === 'delete') remove.mutate({ messageId: dialog.message.id });
                else if (dialog.kind === 'hide') hide.mutate({ messageId: dialog.message.id, reason: reason.trim() });
                else report.mutate({ messageId: dialog.message.id, reason: reason.trim() });
              }}
            >
              {dialog.kind === 'delete' ? 'Delete' : dialog.kind === 'hide' ? 'Hide message' : 'Send report'}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
