import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { ratingSummary, reviewFormValues, reviewServerErrors, toReviewMutation, validateReview } from './review-form';

describe('review form', () => {
  it('starts empty for a new review and from the buyer’s review when editing', () => {
    expect(reviewFormValues(null)).toEqual({ rating: 0, body: '' });
    expect(reviewFormValues({ rating: 4, body: 'Clean copy' })).toEqual({ rating: 4, body: 'Clean copy' });
  });

  it('asks for 1 to 5 stars; the text is optional', () => {
    expect(validateReview({ rating: 0, body: '' })).toEqual({ rating: 'Pick 1 to 5 stars' });
    expect(validateReview({ rating: 2.5, body: '' }).rating).toBeDefined();
    expect(validateReview({ rating: 5, body: '' })).toEqual({});
    expect(validateReview({ rating: 5, body: 'x'.repeat(4001) }).body).toMatch(/4000/);
  });

  it('creates the first review of an order and edits an existing one, trimming the text', () => {
    expect(toReviewMutation({ rating: 5, body: '  Great packing \n' }, { orderId: 'o1', existingId: null })).toEqual({ kind: 'create', input: { orderId: 'o1', rating: 5, body: 'Great packing' } });
    expect(toReviewMutation({ rating: 3, body: 'Slow' }, { orderId: 'o1', existingId: 'r1' })).toEqual({ kind: 'edit', input: { id: 'r1', rating: 3, body: 'Slow' } });
  });

  it('puts the server’s zod issues on the form’s fields', () => {
    const error = new TRPCClientError('bad', { result: { error: { message: 'bad', code: -32600, data: { code: 'BAD_REQUEST', zodIssues: [{ path: ['rating'], message: 'Pick 1 to 5 stars' }, { path: ['orderId'], message: 'Invalid' }] } } } as never });
    expect(reviewServerErrors(error)).toEqual({ rating: 'Pick 1 to 5 stars' });
    expect(reviewServerErrors(new Error('offline'))).toEqual({});
  });

  it('says what the stars say', () => {
    expect(ratingSummary({ average: 4.66, count: 12 })).toBe('4.7 out of 5 from 12 reviews');
    expect(ratingSummary({ average: 5, count: 1 })).toBe('5.0 out of 5 from 1 review');
    expect(ratingSummary({ average: null, count: 0 })).toBe('No reviews yet');
  });
});
