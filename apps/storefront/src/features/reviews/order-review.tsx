// The buyer's review of a completed order: stars and a few words; editable while the server says
// `canEdit` (7 days); the seller's reply shows under it. Reviewing twice (another tab got there
// first) answers CONFLICT: we say so and load the review that exists.
import { Alert, Button, Group, Input, Paper, Rating, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { errorMessage } from '@marketdesk/ui';
import { errorCode, useLiveEvents } from '@marketdesk/ui/app';
import { type FormEvent, useId, useState } from 'react';
import type { RouterOutputs } from '../../lib/api-types';
import { Timestamp } from '@marketdesk/ui';
import { trpc } from '../../trpc';
import { REVIEW_BODY_MAX, reviewFormValues, reviewServerErrors, toReviewMutation, validateReview, type ReviewFormErrors, type ReviewFormValues } from './review-form';
import { SellerReply } from './review-list';

type OwnReview = NonNullable<RouterOutputs['reviews']['forOrder']>;

const starLabel = (value: number) => `${value} ${value === 1 ? 'star' : 'stars'}`;

function ReviewForm({ orderId, existing, onDone }: { orderId: string; existing: OwnReview | null; onDone: () => void }) {
  const utils = trpc.useUtils();
  const [values, setValues] = useState<ReviewFormValues>(() => reviewFormValues(existing));
  const [errors, setErrors] = useState<ReviewFormErrors>({});
  const [conflict, setConflict] = useState<string | null>(null);
  const ratingLabelId = useId();
  const onSuccess = (review: OwnReview) => {
    utils.reviews.forOrder.setData({ orderId }, review);
    notifications.show({ color: 'green', title: existing ? 'Review updated' : 'Thanks for your review', message: 'Other buyers see it on the seller’s page and the listing.' });
    onDone();
  };
  const onError = (error: unknown) => {
    if (errorCode(error) === 'CONFLICT') {
      setConflict(errorMessage(error));
      void utils.reviews.forOrder.invalidate({ orderId });
      return;
    }
    setErrors(reviewServerErrors(error));
  };
  const create = trpc.reviews.create.useMutation({ onSuccess, onError });
  const edit = trpc.reviews.edit.useMutation({ onSuccess, onError });
  const pending = create.isPending || edit.isPending;
  const otherError = [create.error, edit.error].find((e) => e && errorCode(e) !== 'CONFLICT' && Object.keys(reviewServerErrors(e)).length === 0);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = validateReview(values);
    setErrors(found);
    setConflict(null);
    if (Object.keys(found).length) return;
    const mutation = toReviewMutation(values, { orderId, existingId: existing?.id ?? null });
    if (mutation.kind === 'create') create.mutate(mutation.input);
    else edit.mutate(mutation.input);
  };

  return (
    <form onSubmit={submit} noValidate aria-label={existing ? 'Edit your review' : 'Review this order'}>
      <Stack gap="sm">
        {conflict && (
          <Alert color="orange" variant="light">
            {conflict}
          </Alert>
        )}
        <Input.Wrapper label="Rating" labelElement="div" labelProps={{ id: ratingLabelId }} error={errors.rating} required>
          <Rating
            role="radiogroup"
            aria-labelledby={ratingLabelId}
            aria-invalid={Boolean(errors.rating) || undefined}
            value={values.rating}
            onChange={(rating) => {
              setValues((v) => ({ ...v, rating }));
              setErrors((e) => ({ ...e, rating: undefined }));
            }}
            getSymbolLabel={starLabel}
            size="lg"
            mt={4}
          />
        </Input.Wrapper>
        <Textarea
          label="Comment"
          description="Optional: how were the record, the packing and the seller?"
          value={values.body}
          onChange={(e) => {
            const body = e.currentTarget.value;
            setValues((v) => ({ ...v, body }));
          }}
          error={errors.body}
          autosize
          minRows={3}
          maxLength={REVIEW_BODY_MAX}
        />
        {otherError && (
          <Alert color="red" variant="light">
            {errorMessage(otherError)}
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          {existing && (
            <Button variant="default" onClick={onDone}>
              Cancel
            </Button>
          )}
          <Button type="submit" loading={pending}>
            {existing ? 'Save review' : 'Submit review'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function OwnReviewView({ review, onEdit }: { review: OwnReview; onEdit: () => void }) {
  return (
    <Stack gap="xs">
      <Group gap="sm" wrap="wrap">
        <Rating value={review.rating} readOnly role="img" aria-label={`You rated ${review.rating} out of 5 stars`} />
        <Text size="sm" c="dimmed">
          <Timestamp value={review.createdAt} shape="date" />
          {new Date(review.updatedAt).getTime() - new Date(review.createdAt).getTime() > 1000 ? ' · edited' : ''}
        </Text>
      </Group>
      {review.body ? (
        <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
          {review.body}
        </Text>
      ) : (
        <Text size="sm" c="dimmed" fs="italic">
          No comment, just the stars.
        </Text>
      )}
      <SellerReply review={review} />
      {review.canEdit ? (
        <Group>
          <Button variant="light" size="xs" onClick={onEdit}>
            Edit review
          </Button>
        </Group>
      ) : (
        <Text size="xs" c="dimmed">
          Reviews can be edited for 7 days after they are written.
        </Text>
      )}
    </Stack>
  );
}

export function OrderReviewCard({ orderId, sellerName }: { orderId: string; sellerName: string }) {
  const review = trpc.reviews.forOrder.useQuery({ orderId });
  const [editing, setEditing] = useState(false);
  // A reply reaches our user room; a review written in another tab reaches the order room.
  useLiveEvents((event) => {
    if (event.name.startsWith('review.') && (event.payload as { orderId?: string }).orderId === orderId) void review.refetch();
  });
  let body;
  if (review.isPending) body = <Text size="sm" c="dimmed">Loading your review…</Text>;
  else if (review.isError) {
    body = (
      <Alert color="red" variant="light" title="Could not load your review">
        {errorMessage(review.error)}{' '}
        <Button variant="subtle" size="compact-sm" onClick={() => void review.refetch()}>
          Try again
        </Button>
      </Alert>
    );
  } else if (!review.data) body = <ReviewForm orderId={orderId} existing={null} onDone={() => setEditing(false)} />;
  else if (editing && review.data.canEdit) body = <ReviewForm key={review.data.updatedAt.toString()} orderId={orderId} existing={review.data} onDone={() => setEditing(false)} />;
  else body = <OwnReviewView review={review.data} onEdit={() => setEditing(true)} />;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="your-review">
      <Stack gap="sm">
        <Stack gap={2}>
          <Title order={2} size="h5" id="your-review">
            Your review
          </Title>
          {!review.data && !review.isPending && (
            <Text size="sm" c="dimmed">
              How did it go with {sellerName}? Your review helps other buyers.
            </Text>
          )}
        </Stack>
        {body}
      </Stack>
    </Paper>
  );
}
