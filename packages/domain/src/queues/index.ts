export * from './queue-rules.js';
export * from './auto-assign.js';
export * from './queue-filters.js';
export * from './conflict-message.js';
export * from './mentions.js';
export * from './submission-offers.js';
export { queueItemSnapshotSchema, type QueueItemSnapshot } from '../events/queue-events.js';
export * from './decision-reasons.js';
