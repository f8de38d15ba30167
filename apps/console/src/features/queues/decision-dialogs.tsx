// The dialogs and conflict display every queue's decisions share: a reject with a reason from the
// queue's list (+ note), a request for information, the error line inside a dialog, the
// "someone got there first" alert built from a CONFLICT's `details.current` row, and the outcome of
// an item already decided. Both say who moved it, what they did and when in the domain's words
// (describeLastChange, the sentence the API's CONFLICT carries), through lastChangeSentence below.
import { Alert, Badge, Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { describeLastChange } from '@marketdesk/domain';
import { type FormEvent, type ReactNode, useState } from 'react';
import { errorCode } from '../../trpc';
import type { QueueRow } from './queue-rows';
import { stateStyle } from './queue-states';
import { useNow } from '@marketdesk/ui';

export interface DecisionConflict {
  itemId: string;
  message: string;
  current: QueueRow | null;
}

/** The row a CONFLICT carries as `details.current`, when it does. */
export function conflictRow(error: unknown): QueueRow | null {
  const details = (error as { data?: { details?: { current?: unknown } | null } } | null)?.data?.details;
  const current = details?.current as QueueRow | undefined;
  return current && typeof current === 'object' && typeof current.id === 'string' && typeof current.version === 'number' ? current : null;
}

/** "Dana Admin approved this 12 s ago": who last moved the item, what they did and when. */
export function lastChangeSentence(row: Pick<QueueRow, 'lastAction'>, nowMs: number): string | null {
  return row.lastAction ? describeLastChange(row.lastAction, nowMs) : null;
}

/** A decided item: who decided it and when, instead of anything to do (its state is in the header). */
export function OutcomeAlert({ row }: { row: QueueRow }) {
  const nowMs = useNow(5_000).getTime();
  const sentence = lastChangeSentence(row, nowMs);
  return (
    <Alert color="gray" variant="light" title="Decided">
      <Text size="sm">{sentence ? `${sentence}.` : `This item is ${stateStyle(row.queue, row.state).label.toLowerCase()}; nothing is left to do here.`}</Text>
    </Alert>
  );
}

export function ConflictAlert({ conflict, onDismiss }: { conflict: DecisionConflict; onDismiss: () => void }) {
  const state = conflict.current ? stateStyle(conflict.current.queue, conflict.current.state) : null;
  return (
    <Alert color="yellow" title="Someone got there first" withCloseButton onClose={onDismiss} closeButtonLabel="Dismiss">
      <Stack gap={6}>
        <Text size="sm">{conflict.message}</Text>
        {conflict.current && state && (
          <Group gap="xs">
            <Text size="sm">Now:</Text>
            <Badge variant="light" color={state.color}>
              {state.label}
            </Badge>
            {conflict.current.claimedByName && <Text size="sm">· {conflict.current.claimedByName} has it</Text>}
            <Text size="xs" c="dimmed">
              version {conflict.current.version}
            </Text>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}

export function ModalError({ error }: { error: unknown }) {
  if (!error || errorCode(error) === 'CONFLICT') return null;
  return (
    <Text size="sm" c="red" role="alert">
      {(error as Error).message}
    </Text>
  );
}

export function FormModal({ opened, title, onClose, onSubmit, children }: { opened: boolean; title: string; onClose: () => void; onSubmit: (e: FormEvent) => void; children: ReactNode }) {
  return (
    <Modal opened={opened} onClose={onClose} title={title}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>{children}</Stack>
      </form>
    </Modal>
  );
}

export function RejectWithReasonModal(props: { opened: boolean; heading: string; audience: string; title: string; reasons: { code: string; label: string }[]; loading: boolean; error: unknown; onClose: () => void; onConfirm: (reason: string, note: string) => void }) {
  const [reason, setReason] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const needsNote = reason === 'other' && !note.trim();
  return (
    <FormModal
      opened={props.opened}
      title={props.heading}
      onClose={props.onClose}
      onSubmit={(e) => {
        e.preventDefault();
        if (!reason || needsNote) return setMissing(true);
        props.onConfirm(reason, note.trim());
      }}
    >
      <Text size="sm">
        {props.audience} <b>{props.title}</b> sees the reason and your note.
      </Text>
      <Select label="Reason" placeholder="Choose a reason" data={props.reasons.map((r) => ({ value: r.code, label: r.label }))} value={reason} onChange={(v) => { setReason(v); setMissing(false); }} error={missing && !reason ? 'Choose a reason' : undefined} required data-autofocus comboboxProps={{ withinPortal: false }} />
      <Textarea label="Note to the seller" placeholder="Optional, unless the reason is Other" value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={1000} autosize minRows={2} error={missing && needsNote ? 'Say why in a note' : undefined} />
      <ModalError error={props.error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={props.onClose}>
          Cancel
        </Button>
        <Button type="submit" color="red" loading={props.loading}>
          Reject
        </Button>
      </Group>
    </FormModal>
  );
}

export function InfoModal(props: { opened: boolean; loading: boolean; error: unknown; onClose: () => void; onConfirm: (message: string) => void }) {
  const [message, setMessage] = useState('');
  const [tooShort, setTooShort] = useState(false);
  return (
    <FormModal
      opened={props.opened}
      title="Request info"
      onClose={props.onClose}
      onSubmit={(e) => {
        e.preventDefault();
        if (message.trim().length < 3) return setTooShort(true);
        props.onConfirm(message.trim());
        setMessage('');
      }}
    >
      <Textarea label="What do you need to know?" placeholder="e.g. Please add a photo of the label on side B" value={message} onChange={(e) => { setMessage(e.currentTarget.value); setTooShort(false); }} maxLength={2000} autosize minRows={3} required data-autofocus error={tooShort ? 'Say what you need to know' : undefined} />
      <ModalError error={props.error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={props.onClose}>
          Cancel
        </Button>
        <Button type="submit" loading={props.loading}>
          Send request
        </Button>
      </Group>
    </FormModal>
  );
}

/** "Accept"-style confirmations: what will happen, the server's refusal if any, confirm or cancel. */
export function ConfirmDecisionModal(props: { opened: boolean; title: string; confirmLabel: string; loading: boolean; error: unknown; onClose: () => void; onConfirm: () => void; children: ReactNode }) {
  return (
    <FormModal
      opened={props.opened}
      title={props.title}
      onClose={props.onClose}
      onSubmit={(e) => {
        e.preventDefault();
        props.onConfirm();
      }}
    >
      <Text size="sm" component="div">
        {props.children}
      </Text>
      <ModalError error={props.error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={props.onClose}>
          Cancel
        </Button>
        <Button type="submit" color="green" loading={props.loading} data-autofocus>
          {props.confirmLabel}
        </Button>
      </Group>
    </FormModal>
  );
}
