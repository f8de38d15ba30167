// What the buyer can do with an order now — the order's `actions`, decided by the API from the order
// machine and the buyer's grants, labelled by the machine: cancel while it is only paid (full
// refund), say it arrived once shipped, and confirm receipt once delivered (which releases the
// payment to the seller). This panel renders those and derives none. Every command sends the
// order's `version`; if the order changed meanwhile (the seller shipped it a moment ago) the server
// answers CONFLICT: we show its message and refetch.
import { Alert, Button, Group, Modal, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { errorMessage } from '@marketdesk/ui';
import { errorCode, fieldErrors } from '@marketdesk/ui/app';
import { type FormEvent, useEffect, useState } from 'react';
import type { OrderDetail } from '../../lib/api-types';
import { money } from '../../lib/format';
import { trpc } from '../../trpc';

type OrderAction = OrderDetail['actions'][number];

/** The offered action for `command`, if the API offered it. */
function offered(order: Pick<OrderDetail, 'actions'>, command: OrderAction['command']): OrderAction | undefined {
  return order.actions.find((a) => a.command === command);
}

function useOrderCommand(order: OrderDetail, onSettled: () => unknown) {
  const [conflict, setConflict] = useState<string | null>(null);
  const handlers = {
    onMutate: () => setConflict(null),
    onError: (error: unknown) => {
      if (errorCode(error) === 'CONFLICT') {
        setConflict(errorMessage(error));
        void onSettled();
      }
    },
    onSuccess: () => void onSettled(),
  };
  const cancel = trpc.orders.cancel.useMutation(handlers);
  const markDelivered = trpc.orders.markDelivered.useMutation(handlers);
  const confirmReceipt = trpc.orders.confirmReceipt.useMutation(handlers);
  const target = { id: order.id, version: order.version };
  return { conflict, clearConflict: () => setConflict(null), cancel, markDelivered, confirmReceipt, target };
}

function CancelModal({ order, opened, onClose, command }: { order: OrderDetail; opened: boolean; onClose: () => void; command: ReturnType<typeof useOrderCommand> }) {
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const { cancel } = command;
  const tooShort = reason.trim().length < 3;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (tooShort) return;
    cancel.mutate(
      { ...command.target, reason: reason.trim() },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', title: 'Order cancelled', message: `${money(order.totalMinor, order.currency)} is on its way back to your card.` });
          onClose();
        },
        onError: (error) => {
          if (errorCode(error) === 'CONFLICT') onClose();
        },
      },
    );
  };
  const serverError = cancel.isError && errorCode(cancel.error) !== 'CONFLICT' ? (fieldErrors(cancel.error).reason ?? errorMessage(cancel.error)) : null;
  return (
    <Modal opened={opened} onClose={onClose} title={`Cancel order ${order.number}?`}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">
            The seller has not shipped it yet, so you get a full refund of <strong>{money(order.totalMinor, order.currency)}</strong> to the card you paid with. Banks usually show it within 5–10 days.
          </Text>
          <Textarea
            label="Why are you cancelling?"
            description="The seller sees this."
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={(touched && tooShort ? 'Say why you are cancelling (a few words are enough).' : null) ?? serverError}
            required
            autosize
            minRows={2}
            maxLength={1000}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Keep the order
            </Button>
            <Button type="submit" color="red" loading={cancel.isPending}>
              Cancel and refund
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function ConfirmReceiptModal({ order, opened, onClose, command }: { order: OrderDetail; opened: boolean; onClose: () => void; command: ReturnType<typeof useOrderCommand> }) {
  const { confirmReceipt } = command;
  const confirm = () =>
    confirmReceipt.mutate(command.target, {
      onSuccess: () => {
        notifications.show({ color: 'green', title: 'Thanks for confirming', message: `The payment went to ${order.seller.name}. You can now review the order.` });
        onClose();
      },
      onError: (error) => {
        if (errorCode(error) === 'CONFLICT') onClose();
      },
    });
  return (
    <Modal opened={opened} onClose={onClose} title="Confirm receipt?">
      <Stack>
        <Text size="sm">
          Confirm only if everything arrived as described. This releases your payment held in escrow to <strong>{order.seller.name}</strong> and completes the order; after that, problems are between you and the seller.
        </Text>
        {confirmReceipt.isError && errorCode(confirmReceipt.error) !== 'CONFLICT' && (
          <Alert color="red" variant="light">
            {errorMessage(confirmReceipt.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Not yet
          </Button>
          <Button onClick={confirm} loading={confirmReceipt.isPending} data-autofocus>
            Confirm receipt
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function OrderActions({ order, onChanged }: { order: OrderDetail; onChanged: () => unknown }) {
  const command = useOrderCommand(order, onChanged);
  const [open, setOpen] = useState<'cancel' | 'confirm' | null>(null);
  const cancel = offered(order, 'cancel');
  const delivered = offered(order, 'mark_delivered');
  const confirm = offered(order, 'confirm_receipt');
  const { markDelivered } = command;
  // The order moved on while a dialog was open (the seller shipped it just now): that dialog's
  // action is gone, so close it; the page already shows what changed.
  const openGone = (open === 'cancel' && !cancel) || (open === 'confirm' && !confirm);
  useEffect(() => {
    if (openGone) setOpen(null);
  }, [openGone]);
  if (!cancel && !delivered && !confirm && !command.conflict) return null;
  const arrived = () =>
    markDelivered.mutate(command.target, {
      onSuccess: () => notifications.show({ color: 'green', title: 'Marked as delivered', message: 'Check the record, then confirm receipt to complete the order.' }),
    });
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="order-actions">
      <Stack gap="sm">
        <Title order={2} size="h5" id="order-actions">
          What next
        </Title>
        {command.conflict && (
          <Alert color="orange" variant="light" title="This order just changed; the page now shows the latest" withCloseButton onClose={command.clearConflict}>
            {command.conflict}
          </Alert>
        )}
        {cancel && (
          <>
            <Text size="sm" c="dimmed">
              Not shipped yet. You can still cancel for a full refund.
            </Text>
            <Group>
              <Button variant="light" color="red" onClick={() => setOpen('cancel')}>
                {cancel.label}
              </Button>
            </Group>
          </>
        )}
        {delivered && (
          <>
            <Text size="sm" c="dimmed">
              Tell us when the parcel is in your hands; then check the record and confirm receipt.
            </Text>
            <Group>
              <Button onClick={arrived} loading={markDelivered.isPending}>
                {delivered.label}
              </Button>
            </Group>
            {markDelivered.isError && errorCode(markDelivered.error) !== 'CONFLICT' && (
              <Alert color="red" variant="light">
                {errorMessage(markDelivered.error)}
              </Alert>
            )}
          </>
        )}
        {confirm && (
          <>
            <Text size="sm" c="dimmed">
              All good? Confirming releases your payment to the seller and completes the order.
            </Text>
            <Group>
              <Button onClick={() => setOpen('confirm')}>{confirm.label}</Button>
            </Group>
          </>
        )}
      </Stack>
      <CancelModal order={order} opened={open === 'cancel'} onClose={() => setOpen(null)} command={command} />
      <ConfirmReceiptModal order={order} opened={open === 'confirm'} onClose={() => setOpen(null)} command={command} />
    </Paper>
  );
}
