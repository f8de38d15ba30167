// The buyer's review form as pure functions: the values a form starts from, the checks before
// sending, which mutation the values become (a new review, or an edit of the buyer's own), and the
// server's field errors back onto the form's fields.
import { fieldErrors } from '@marketdesk/ui/app';

export const REVIEW_BODY_MAX = 4000;

export interface ReviewFormValues {
  /** 0 while no star is picked. */
  rating: number;
  body: string;
}

export type ReviewFormErrors = Partial<Record<keyof ReviewFormValues, string>>;

export type ReviewMutation =
  | { kind: 'create'; input: { orderId: string; rating: number; body: string } }
  | { kind: 'edit'; input: { id: string; rating: number; body: string } };

export function reviewFormValues(existing: { rating: number; body: string } | null): ReviewFormValues {
  return existing ? { rating: existing.rating, body: existing.body } : { rating: 0, body: '' };
}

export function validateReview(values: ReviewFormValues): ReviewFormErrors {
  const errors: ReviewFormErrors = {};
  if (!Number.isInteger(values.rating) || values.rating < 1 || values.rating > 5) errors.rating = 'Pick 1 to 5 stars';
  if (values.body.trim().length > REVIEW_BODY_MAX) errors.body = `Keep it under ${REVIEW_BODY_MAX} characters`;
  return errors;
}

/** An existing review (the buyer's own) is edited; otherwise the order gets its first review. */
export function toReviewMutation(values: ReviewFormValues, target: { orderId: string; existingId: string | null }): ReviewMutation {
  const fields = { rating: values.rating, body: values.body.trim() };
  return target.existingId ? { kind: 'edit', input: { id: target.existingId, ...fields } } : { kind: 'create', input: { orderId: target.orderId, ...fields } };
}

/** zod issues from the server, on the form's own field names. */
export function reviewServerErrors(error: unknown): ReviewFormErrors {
  const byField = fieldErrors(error);
  const out: ReviewFormErrors = {};
  if (byField.rating) out.rating = byField.rating;
  if (byField.body) out.body = byField.body;
  return out;
}

/** "4.7 out of 5 from 12 reviews" — what the stars say, for screen readers and the seller's head. */
export function ratingSummary(aggregate: { average: number | null; count: number }): string {
  if (aggregate.count === 0 || aggregate.average === null) return 'No reviews yet';
  return `${aggregate.average.toFixed(1)} out of 5 from ${aggregate.count} ${aggregate.count === 1 ? 'review' : 'reviews'}`;
}
