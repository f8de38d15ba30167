export * from './limits.js';
export * from './countries.js';
export * from './tax-table.js';
export * from './types.js';
export * from './compute-checkout.js';
export * from './delivery-estimate.js';
export * from './merge-carts.js';
export * from './schemas.js';
