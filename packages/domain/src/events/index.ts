export * from './catalogue.js';
export * from './sequence.js';
export * from './rooms.js';
export { disputeReasons, disputeReasonLabels } from './dispute-events.js';
