// An uploaded listing photo. Uploaded first (owned by the seller, no listing yet), attached when the
// listing is saved; a worker job writes the thumbnail and flips `status` to ready.
import { randomUUID } from 'node:crypto';
import { EntitySchema, type Ref } from '@mikro-orm/core';
import { Listing } from './listing.entity.js';
import { User } from './user.entity.js';

export class ListingImage {
  id: string = randomUUID();
  owner!: Ref<User>;
  listing: Ref<Listing> | null = null;
  position = 0;
  storageKey!: string;
  thumbKey: string | null = null;
  contentType!: string;
  bytes!: number;
  width: number | null = null;
  height: number | null = null;
  status: 'processing' | 'ready' | 'failed' = 'processing';
  createdAt: Date = new Date();
}

export const ListingImageSchema = new EntitySchema<ListingImage>({
  class: ListingImage,
  tableName: 'listing_images',
  indexes: [{ properties: ['listing', 'position'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    owner: { kind: 'm:1', entity: () => User, ref: true, deleteRule: 'cascade', index: true },
    listing: { kind: 'm:1', entity: () => Listing, ref: true, nullable: true, deleteRule: 'set null' },
    position: { type: 'integer' },
    storageKey: { type: 'string', length: 200 },
    thumbKey: { type: 'string', length: 200, nullable: true },
    contentType: { type: 'string', length: 40 },
    bytes: { type: 'integer' },
    width: { type: 'integer', nullable: true },
    height: { type: 'integer', nullable: true },
    status: { type: 'string', length: 12 },
    createdAt: { type: 'datetime', columnType: 'timestamptz' },
  },
});
