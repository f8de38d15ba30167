export * from './catalogue.js';
export * from './sequence.js';
export * from './rooms.js';
export { disputeReasons } from './dispute-events.js';
