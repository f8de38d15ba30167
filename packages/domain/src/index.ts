// @marketdesk/domain: pure business rules shared by the API, the worker and both clients.
export * from './events/index.js';
export * from './schemas/index.js';
export * from './policy/index.js';
export * from './invariants/index.js';
export * from './units.js';
export * from './money/index.js';
export * from './ledger/index.js';
export * from './machines/index.js';
export * from './pricing/index.js';
export * from './sla/index.js';
export * from './checkout/index.js';
export * from './docs/index.js';
export * from './fulfillment/index.js';
export * from './queues/index.js';
export * from './discovery/index.js';
export * from './chat/index.js';
export * from './risk/risk-score.js';
