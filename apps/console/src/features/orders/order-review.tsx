// The buyer's review of a completed order, as its seller (and staff) see it: stars and text, the
// seller's one reply, and for moderators a way to hide an abusive review with a recorded reason.
// New reviews arrive live (review.created reaches the order's room).
import { Badge, Button, Group, Modal, Rating, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatDateTime } from '@marketdesk/ui';
import { type FormEvent, useState } from 'react';
import { trpc, type RouterOutputs } from '../../trpc';
import { serverFieldError } from '../forms/server-errors';
import { useLiveRefetch } from '../live/use-live-refetch';

export type OrderReview = NonNullable<RouterOutputs['reviews']['forOrder']>;

function ReplyForm({ reviewId }: { reviewId: string }) {
  const utils = trpc.useUtils();
  const [body, setBody] = useState('');
  const [open, setOpen] = useState(false);
  const reply = trpc.reviews.reply.useMutation({
    onSuccess: (updated) => {
      utils.reviews.forOrder.setData({ orderId: updated.orderId }, updated);
      notifications.show({ color: 'green', title: 'Reply posted', message: 'Buyers see it under the review.' });
    },
  });
  if (!open) {
    return (
      <Group>
        <Button variant="light" size="xs" onClick={() => setOpen(true)}>
          Reply
        </Button>
      </Group>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    reply.mutate({ id: reviewId, body });
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Reply to the review">
      <Stack gap="xs">
        <Textarea
          label="Your reply"
          description="You can reply once; it is shown publicly under the review."
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          error={serverFieldError(reply.error, 'body') ?? reply.error?.message}
          autosize
          minRows={2}
          maxLength={2000}
          data-autofocus
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" size="xs" onClick={() => setOpen(false)}>
            Cancel
          </Button>
          <Button type="submit" size="xs" loading={reply.isPending}>
            Post reply
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function HideModal({ review, opened, onClose }: { review: OrderReview; opened: boolean; onClose: () => void }) {
  const utils = trpc.useUtils();
  const [reason, setReason] = useState('');
  const hide = trpc.reviews.hide.useMutation({
    onSuccess: (updated) => {
      utils.reviews.forOrder.setData({ orderId: updated.orderId }, updated);
      notifications.show({ color: 'gray', title: 'Review hidden', message: 'It no longer shows on the listing or the seller’s page.' });
      setReason('');
      onClose();
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title="Hide this review?">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          hide.mutate({ id: review.id, reason });
        }}
        noValidate
      >
        <Stack>
          <Text size="sm">Hidden reviews stay on record with your reason; buyers and sellers no longer see them.</Text>
          <Textarea label="Reason" value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={hide.error?.message} autosize minRows={2} maxLength={500} required data-autofocus />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Keep it
            </Button>
            <Button type="submit" color="red" loading={hide.isPending}>
              Hide review
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function ReviewView({ review, canModerate }: { review: OrderReview; canModerate: boolean }) {
  const [hiding, setHiding] = useState(false);
  return (
    <Stack gap="sm">
      <Group gap="sm" wrap="wrap">
        <Rating value={review.rating} readOnly aria-label={`${review.rating} out of 5 stars`} />
        <Text size="sm" c="dimmed">
          {review.buyer.name} · {formatDateTime(review.createdAt)}
        </Text>
        {review.hidden && (
          <Badge color="gray" variant="light">
            Hidden
          </Badge>
        )}
      </Group>
      {review.body ? (
        <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
          {review.body}
        </Text>
      ) : (
        <Text size="sm" c="dimmed">
          No written review, just the stars.
        </Text>
      )}
      {review.sellerReply && (
        <Stack gap={2} pl="md" style={{ borderLeft: '3px solid var(--mantine-color-default-border)' }}>
          <Text size="xs" c="dimmed">
            Seller’s reply{review.sellerRepliedAt ? ` · ${formatDateTime(review.sellerRepliedAt)}` : ''}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
            {review.sellerReply}
          </Text>
        </Stack>
      )}
      {review.canReply && <ReplyForm reviewId={review.id} />}
      {canModerate && !review.hidden && (
        <Group>
          <Button variant="subtle" color="red" size="xs" onClick={() => setHiding(true)}>
            Hide
          </Button>
        </Group>
      )}
      {canModerate && <HideModal review={review} opened={hiding} onClose={() => setHiding(false)} />}
    </Stack>
  );
}

/** The order's review, refetched when a review of this order is created or changes. */
export function useOrderReview(orderId: string) {
  const review = trpc.reviews.forOrder.useQuery({ orderId });
  useLiveRefetch((event) => event.name.startsWith('review.') && (event.payload as { orderId?: string }).orderId === orderId, review);
  return review;
}
