export * from './order-timeline.js';
export * from './transfer-parties.js';
