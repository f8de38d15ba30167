// @marketdesk/domain: pure business rules shared by the API, the worker and both clients.
export * from './events/index.js';
export * from './schemas/index.js';
export * from './policy/index.js';
