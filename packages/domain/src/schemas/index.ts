export * from './auth.js';
export * from './money.js';
export * from './pricing.js';
export * from './listing.js';
