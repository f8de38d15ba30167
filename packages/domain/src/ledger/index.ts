export * from './accounts.js';
export * from './types.js';
export * from './open-accounts.js';
export * from './apply-transfer.js';
export * from './expire.js';
export * from './balances.js';
export * from './replay.js';
export * from './flows/index.js';
