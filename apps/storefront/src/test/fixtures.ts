// Sample API answers for tests.
import type { ListingView, RouterOutputs } from '../lib/api-types';

export function sampleListing(overrides: Partial<ListingView> = {}): ListingView {
  return {
    id: '44444444-4444-4444-8444-444444444444',
    slug: 'the-beatles-abbey-road-444444',
    title: 'Abbey Road',
    description: 'Original pressing. </script><script>alert(1)</script>',
    attributes: { artist: 'The Beatles', format: 'LP', year: '1969' },
    condition: 'VG+',
    priceMinor: 4500,
    currency: 'EUR',
    available: 2,
    soldOut: false,
    state: 'active',
    version: 1,
    shippingMinor: 595,
    deliverySlaDays: 2,
    delivery: { earliest: new Date('2030-03-05T10:00:00Z'), latest: new Date('2030-03-08T10:00:00Z') },
    dealEndsAt: null,
    publishedAt: new Date('2030-03-01T10:00:00Z'),
    updatedAt: new Date('2030-03-01T10:00:00Z'),
    seller: { id: '55555555-5555-4555-8555-555555555555', name: 'Vinyl Vault' },
    category: { id: '66666666-6666-4666-8666-666666666666', slug: 'vinyl-rock', name: 'Rock' },
    images: [],
    ...overrides,
  } as ListingView;
}

export type PublicReview = RouterOutputs['reviews']['forListing']['reviews'][number];

export function sampleReview(overrides: Partial<PublicReview> = {}): PublicReview {
  return {
    id: '88888888-8888-4888-8888-888888888888',
    orderId: '99999999-9999-4999-8999-999999999999',
    rating: 5,
    body: 'Perfect copy, well packed.',
    buyer: { id: 'b1', name: 'Ada B.' },
    sellerReply: 'Thanks, enjoy it!',
    sellerRepliedAt: new Date('2030-03-10T10:00:00Z'),
    hidden: false,
    createdAt: new Date('2030-03-09T10:00:00Z'),
    updatedAt: new Date('2030-03-09T10:00:00Z'),
    canEdit: false,
    canReply: false,
    ...overrides,
  } as PublicReview;
}
